"""The words of the woonoverlast letters (B1 Dutch, the mayor in the first person, sentences of at most 20 words).

One decision has one content per addressee. The overtreder is whoever the order is addressed to: the user who
lives in the dwelling, or the landlord who lets it (the APV duty covers both, Gemeentewet 151d lid 1). When the
user is addressed, the landlord gets a letter of his own with only what he needs: the dwelling, that an order or
ban was given to the user, its period and the instructions that concern the dwelling. Neighbours are never
named: the letters speak of "een omwonende". Placeholders are filled with str.format; the values are plain text.
"""

from __future__ import annotations

OVERTREDER, VERHUURDER, GEBRUIKER = "overtreder", "verhuurder", "gebruiker"
ADDRESSEE = {OVERTREDER: OVERTREDER, VERHUURDER: VERHUURDER}

GEMW = "de Gemeentewet"
AWB = "de Algemene wet bestuursrecht"
APV = "de Algemene plaatselijke verordening (APV) van Maastricht"
WTH = "de Wet tijdelijk huisverbod"
# The policy is named, never quoted for values: its operative part is still to be confirmed (domain §1.3).
BELEID = "de Beleidsregels Wet aanpak woonoverlast Maastricht (Gemeenteblad 2023, 296458)"

STUK = {"waarschuwing": "deze waarschuwing", "voornemen_last": "dit voornemen",
        "voornemen_bestuursdwang": "dit voornemen", "last_onder_dwangsom": "dit besluit",
        "last_onder_bestuursdwang": "dit besluit", "aanwezigheidsverbod": "dit besluit",
        "verlenging_aanwezigheidsverbod": "dit besluit", "invorderingsbeschikking": "deze invorderingsbeschikking"}
ONDERWERP = {
    "waarschuwing": "Waarschuwing woonoverlast, {straat}",
    "voornemen_last": "Voornemen tot een gedragsaanwijzing met dwangsom, {straat}",
    "last_onder_dwangsom": "Gedragsaanwijzing met dwangsom (last onder dwangsom), {straat}",
    "voornemen_bestuursdwang": "Voornemen tot een gedragsaanwijzing met bestuursdwang, {straat}",
    "last_onder_bestuursdwang": "Gedragsaanwijzing met bestuursdwang (last onder bestuursdwang), {straat}",
    "aanwezigheidsverbod": "Aanwezigheidsverbod woning, {straat}",
    "verlenging_aanwezigheidsverbod": "Verlenging van het aanwezigheidsverbod, {straat}",
    "invorderingsbeschikking": "Invordering van een verbeurde dwangsom woonoverlast, {straat}",
}
# Who the addressee is, in the first paragraph of the reasoning; the duty the APV lays on him.
ROL = {
    GEBRUIKER: ["U woont in de woning aan {woning}.",
                "Wie een woning gebruikt, moet zorgen dat de buren geen ernstige en herhaaldelijke hinder hebben. "
                "Dat geldt voor wat er in of vanuit de woning gebeurt."],
    VERHUURDER: ["U verhuurt de woning aan {woning} aan {gebruiker}.",
                 "Ook wie een woning tegen betaling in gebruik geeft, heeft een plicht.",
                 "U moet ervoor zorgen dat gedragingen in of vanuit die woning geen ernstige en herhaaldelijke "
                 "hinder veroorzaken voor de buren."],
}
VERHUURDER_MIDDELEN = "Als verhuurder heeft u middelen om het gebruik van de woning te beïnvloeden: {toelichting}"

INLEIDING = {
    ("waarschuwing", GEBRUIKER): ["Met deze brief waarschuw ik u. Uit de woning aan {woning} komt ernstige en "
                                  "herhaaldelijke overlast voor de buren.", "Die overlast moet stoppen."],
    ("waarschuwing", VERHUURDER): ["Met deze brief waarschuw ik u als verhuurder van de woning aan {woning}.",
                                   "Uit die woning komt ernstige en herhaaldelijke overlast voor de buren. Die "
                                   "overlast moet stoppen."],
    ("voornemen", GEBRUIKER): ["Ik ben van plan u een gedragsaanwijzing te geven. Dat is een besluit met "
                               "regels waaraan u zich moet houden.",
                               "Zo wil ik de overlast vanuit de woning aan {woning} stoppen. U kunt eerst op mijn "
                               "plan reageren."],
    ("voornemen", VERHUURDER): ["Ik ben van plan u als verhuurder een gedragsaanwijzing te geven. Dat is een "
                                "besluit met opdrachten voor u.",
                                "Zo wil ik de overlast vanuit de woning aan {woning} stoppen. U kunt eerst op mijn "
                                "plan reageren."],
    ("last", GEBRUIKER): ["Ik geef u een gedragsaanwijzing. U moet zich houden aan de aanwijzingen in deze brief.",
                          "Zo wil ik de overlast vanuit de woning aan {woning} stoppen."],
    ("last", VERHUURDER): ["Ik geef u als verhuurder een gedragsaanwijzing. U moet de aanwijzingen in deze brief "
                           "opvolgen.", "Zo wil ik de overlast vanuit de woning aan {woning} stoppen."],
    ("aanwezigheidsverbod", GEBRUIKER): ["Ik verbied u tijdelijk om in of bij de woning aan {woning} te zijn.",
                                         "Het verbod geldt {dagen}: van {ban_van} tot {ban_tot}."],
    ("verlenging_aanwezigheidsverbod", GEBRUIKER): [
        "Ik verleng het verbod om in of bij de woning aan {woning} te zijn.",
        "Het verbod loopt nu tot {ban_tot}."],
    ("invorderingsbeschikking", GEBRUIKER): ["U heeft de gedragsaanwijzing met dwangsom overtreden. Daardoor moet u "
                                             "een dwangsom betalen.",
                                             "Met deze invorderingsbeschikking vorder ik dat bedrag bij u in."],
}
INLEIDING[("invorderingsbeschikking", VERHUURDER)] = INLEIDING[("invorderingsbeschikking", GEBRUIKER)]

CHRONOLOGIE_LEAD = "Dit zijn de incidenten in het dossier, op volgorde van datum:"
NIET_MEEGETELD = "Incidenten die niet bij de woning gebeurden, tel ik niet mee."
ANONIEM = "Ik noem geen namen of adressen van buren. Zo bescherm ik wie de overlast heeft gemeld."

# The reasoning.
BRON_DOSSIER = ("Ik baseer {stuk} op de incidenten en de stukken in het dossier. Het dossier begon met {bron} van "
                "{datum}, kenmerk {kenmerk}.")
# While the municipality has not confirmed its APV article, a letter names the rule without a number.
ARTIKEL_ONBEVESTIGD = "de regel over woonoverlast"
GRONDSLAG = [
    "{Artikel} van " + APV + " luidt: {tekst}",
    "Die regel is gemaakt op grond van artikel 151d, eerste lid, van " + GEMW + ".",
    "Als burgemeester mag ik die regel handhaven met bestuursdwang. Dat staat in artikel 151d, tweede lid, en "
    "artikel 125, eerste lid, van " + GEMW + ".",
]
GRONDSLAG_DWANGSOM = ("In plaats van bestuursdwang mag ik een last onder dwangsom opleggen (artikel 5:32, eerste "
                      "lid, van " + AWB + ").")
# The ban is a last onder bestuursdwang (151d lid 3), for adults only (Wth art. 2 lid 2 via 151d lid 3).
GRONDSLAG_VERBOD = [
    "Een last onder bestuursdwang kan een verbod inhouden om {dagen} in of bij de woning te zijn.",
    "Dat staat in artikel 151d, derde lid, van " + GEMW + ". Dit verbod is zo'n last onder bestuursdwang.",
    "Alleen wie 18 jaar of ouder is, kan zo'n verbod krijgen (artikel 2, tweede lid, van " + WTH + ").",
    "Op het moment dat het verbod ingaat, bent u 18 jaar of ouder.",
]
VREES = "Ik vrees ernstig dat de overlast anders doorgaat. Daarom verleng ik het verbod."
VERLENGING_GEHOORD = "Voordat ik het verbod verlengde, heb ik u gehoord."
GRONDSLAG_VERLENGING = ["Bij ernstige vrees voor verdere overtreding mag ik het verbod verlengen. Samen duurt het "
                        "ten hoogste vier weken.", "Dat staat in artikel 151d, derde lid, van " + GEMW + ", met "
                        "artikel 9 van " + WTH + "."]
# The warning names where the duty (ROL) is laid down; it does not quote the text (it may be unconfirmed).
GRONDSLAG_WAARSCHUWING = ["Die plicht staat in {artikel} van " + APV + ".",
                          "Die regel is gemaakt op grond van artikel 151d, eerste lid, van " + GEMW + "."]
BELEID_ZIN = "Ik volg daarbij " + BELEID + "."
SAMENVATTING = ("Tussen {eerste} en {laatste} zijn {aantal} incidenten bij de woning vastgelegd. Het ging om "
                "{soorten}.")
SAMENVATTING_EEN = "Op {eerste} is één incident bij de woning vastgelegd. Het ging om {soorten}."
SAMENVATTING_VASTGESTELD = "De politie of een handhaver heeft {vastgesteld} daarvan zelf vastgesteld."
SAMENVATTING_GEEN_VASTGESTELD = "Deze incidenten zijn gemeld. De politie of een handhaver heeft ze niet zelf gezien."
OMWONENDEN = "{Aantal} omwonenden hebben last van de overlast."
OMWONENDE = "Eén omwonende heeft last van de overlast."
ERNSTIG_HERHAALD = "Ik vind de overlast ernstig en herhaaldelijk. {herkomst} De buren hebben er last van."
KWETSBAAR = "Uit het dossier weet ik dit over uw situatie: {kwetsbaarheid}"
ZORG = "U krijgt hulp van {organisatie}{sinds}."
ZORG_SINDS = ", sinds {datum}"
HUISHOUDEN = "In de woning wonen ook: {huishouden}"
MINDERJARIGEN = "Er wonen ook minderjarige kinderen in de woning."
EVENREDIG = ("Ik heb gekeken of de maatregel geschikt en nodig is, en of de gevolgen niet te zwaar zijn. Ook "
             "bijzondere omstandigheden heb ik gewogen (artikel 4:84 van " + AWB + ").")
EVENREDIG_DERDEN = ("Ik heb ook de persoonlijke omstandigheden van de bewoners gewogen. Die staan niet in deze brief: "
                    "ze gaan alleen de bewoners aan.")
BEDRAG_REDELIJK = ("Het bedrag en het maximum passen bij het belang van de buren en bij het doel: dat de overlast "
                   "stopt. Dat moet volgens artikel 5:32b, derde lid, van " + AWB + ".")
VOORLOPIG = "Dit is mijn voorlopige oordeel. Ik neem pas een besluit nadat u heeft kunnen reageren."
ZIENSWIJZE_VOORNEMEN = "Voordat ik dit besluit nam, kon u reageren op mijn voornemen."
ZIENSWIJZE_HOREN = "Voordat ik dit besluit nam, kon u zeggen wat u ervan vond."
ZIENSWIJZE_INVORDERING = "Voordat ik deze invorderingsbeschikking nam, kon u daarop reageren."
ZIENSWIJZE_UITZONDERING = "Ik heb u vooraf niet gehoord. De reden: {reden}"
INVORDERING_GRONDSLAG = "Ik vorder de verbeurde dwangsom in op grond van artikel 5:37, eerste lid, van " + AWB + "."
AFWIJKING = "Ik wijk in dit geval af van mijn beleid. De reden: {reden}"

# The order itself.
DICTUM = {
    ("voornemen", GEBRUIKER): "Ik ben van plan u een gedragsaanwijzing te geven. U moet zich dan houden aan de "
                              "aanwijzingen hieronder.",
    ("voornemen", VERHUURDER): "Ik ben van plan u als verhuurder een gedragsaanwijzing te geven. U moet dan de "
                               "aanwijzingen hieronder opvolgen.",
    ("last", GEBRUIKER): "Ik geef u een gedragsaanwijzing. U moet zich houden aan de aanwijzingen hieronder.",
    ("last", VERHUURDER): "Ik geef u als verhuurder een gedragsaanwijzing. U moet de aanwijzingen hieronder opvolgen.",
}
DICTUM_DOEL = ("Het doel: geen ernstige en herhaaldelijke hinder meer voor de buren vanuit de woning aan "
               "{woning}{erf}.")
AANWIJZING = "{code}: {tekst}"
DICTUM_BEGUNSTIGING = ("U heeft tot en met {begunstiging} de tijd om aan de aanwijzingen te voldoen. Dat heet de "
                       "begunstigingstermijn.")
DICTUM_BEGUNSTIGING_VOORNEMEN = "U krijgt dan {begunstigingsduur} de tijd om aan de aanwijzingen te voldoen."
DICTUM_LOOPTIJD = "De gedragsaanwijzing geldt daarna van {van} tot en met {tot}."
DICTUM_LOOPTIJD_VOORNEMEN = "De gedragsaanwijzing geldt dan {looptijd}, na afloop van die termijn."
DICTUM_DWANGSOM = ("Houdt u zich niet aan een aanwijzing, dan verbeurt u een dwangsom van {bedrag} {telwijze}. "
                   "In totaal is dat ten hoogste {maximum}.")
DICTUM_BESTUURSDWANG = ("Voldoet u niet op tijd aan een aanwijzing, dan laat ik de nodige maatregelen zelf "
                        "uitvoeren. Dat heet bestuursdwang. De kosten betaalt u.")
# Awb 5:21, 5:24 lid 1 and 5:25 lid 2: what the mayor has done himself, as the jurist recorded it.
DICTUM_UITVOERING = "Wat ik dan laat doen: {uitvoering}"
UITVOERING_ONTBREEKT = ("Leg eerst vast wat de burgemeester bij bestuursdwang laat doen en door wie (artikel 5:24 "
                        "en 5:25 van de Awb).")
TELWIJZE = {"per_dag": "per dag waarop een overtreding is vastgesteld",
            "per_constatering": "per vastgestelde overtreding"}
LAST = ["Aanwijzingen: {codes}", "Begunstigingstermijn: {begunstigingstekst}", "Looptijd: {looptijdtekst}"]
LAST_DWANGSOM = ["Dwangsom: {bedrag} {telwijze}", "Maximum: {maximum} in totaal"]
LAST_BESTUURSDWANG = ["Bij niet voldoen: bestuursdwang, op uw kosten"]

# Forfeiture and monitoring.
VERBEURTE = [
    "Overtreedt u een aanwijzing, dan is de dwangsom meteen verschuldigd. Daar is geen nieuw besluit voor nodig.",
    "Een verbeurde dwangsom moet binnen zes weken betaald zijn (artikel 5:33 van " + AWB + ").",
    "Ik vorder het bedrag in met een invorderingsbeschikking (artikel 5:37 van " + AWB + "). Daartegen kunt u "
    "apart bezwaar maken.",
    "Is er een jaar lang geen dwangsom verbeurd? Dan kunt u mij vragen de last op te heffen. Dat staat in "
    "artikel 5:34 van " + AWB + ".",
]
KOSTEN = [
    "Voert u een aanwijzing niet op tijd uit? Dan laat ik zelf doen wat nodig is om die aanwijzing uit te "
    "voeren.",
    "De kosten daarvan betaalt u volledig (artikel 5:25, tweede lid, van " + AWB + "). Het gaat om de kosten van "
    "personeel, materiaal, afvoer en opslag.",
    "Ook de kosten van voorbereiding na afloop van de begunstigingstermijn betaalt u. Dat geldt ook als u te laat "
    "alsnog voldoet.",
    "De kosten stel ik vast in een apart besluit. Daartegen kunt u bezwaar maken.",
]
# Access for bestuursdwang (Awb 5:27): the yard only where the dwelling has one.
BETREDEN_ERF = ("Mijn medewerkers mogen daarvoor het erf betreden. De woning alleen met uw toestemming of met een "
                "machtiging (artikel 5:27 van " + AWB + ").")
BETREDEN = ("Mijn medewerkers mogen de woning alleen in met uw toestemming of met een machtiging. Dat staat in "
            "artikel 5:27 van " + AWB + ".")
TOEZICHT = ["De politie en Team Handhaven Openbare Ruimte houden toezicht op de woning.",
            "Zien zij dat een aanwijzing wordt overtreden, dan leggen zij dat vast in een rapport. Daarin staat "
            "welke aanwijzing het is."]
VRAGEN = ["Klopt wat ik schrijf over de incidenten?",
          "Zijn er persoonlijke omstandigheden die ik moet weten? Bijvoorbeeld over uw gezondheid, hulp of gezin.",
          "Zijn de aanwijzingen duidelijk en kunt u zich eraan houden?"]
VRAGEN_VERHUURDER = ["Klopt wat ik schrijf over de incidenten?",
                     "Wat heeft u als verhuurder al gedaan tegen de overlast? En wat kunt u nog doen?",
                     "Zijn de aanwijzingen duidelijk en kunt u ze uitvoeren?"]

# The warning: what is expected and what may follow (information, not a decision).
VERWACHTING = {GEBRUIKER: ["Ik verwacht dat de overlast vanuit de woning direct stopt.",
                           "Zorg ervoor dat ook uw bezoekers en huisgenoten geen overlast geven."],
               VERHUURDER: ["Ik verwacht dat u als verhuurder maatregelen neemt, zodat de overlast stopt.",
                            "Spreek bijvoorbeeld uw huurder aan, of neem maatregelen op grond van het huurrecht."]}
_VERVOLG = ["Stopt de overlast niet, dan kan ik een gedragsaanwijzing geven. Die kan ik handhaven met een dwangsom "
            "of met bestuursdwang.",
            "Dat is informatie over wat kan volgen. Het is nu nog geen besluit.",
            "Ik bewaar de datum van deze waarschuwing. Die telt mee als ik later een besluit neem."]
# Only the user can be banned from the dwelling (151d lid 3): the landlord's warning does not threaten it.
VERVOLG = {GEBRUIKER: [_VERVOLG[0], "Bij ernstige overlast kan ik ook een tijdelijk verbod geven om in of bij de "
                       "woning te zijn.", *_VERVOLG[1:]], VERHUURDER: _VERVOLG}

# The presence ban (151d lid 3 with Wth art. 2, 5, 6, 9 and 13).
DICTUM_VERBOD = [
    "Ik verbied u om in of bij de woning aan {woning} te zijn{erf_ook}.",
    "Het verbod gaat in op {ban_van}. Het eindigt op {ban_tot}.",
]
DICTUM_VERBOD_GEBIED = "Het verbod geldt ook in dit gebied rond de woning: {gebied}."
DICTUM_VERBOD_TERMIJNENWET = ("Het verbod eindigt op dat moment, ook op een zaterdag, zondag of feestdag. De "
                              "Algemene termijnenwet geldt niet (artikel 13 van " + WTH + ").")
DICTUM_VERLENGING = [
    "Ik verleng het verbod om in of bij de woning aan {woning} te zijn{erf_ook}.",
    "Het verbod ging in op {eerste_begin}. Het zou eindigen op {oud_einde}. Het eindigt nu op {ban_tot}.",
    "Langer dan tot {uiterlijk} kan het verbod niet duren. Dat is vier weken na de oplegging.",
]
RECHTSBIJSTAND = [
    "U heeft recht op hulp van een advocaat. Dat staat in artikel 5 van " + WTH + ".",
    "Die wet geldt hier via artikel 151d, derde lid, van " + GEMW + ".",
    "Wilt u een advocaat? Laat het ons dan weten. Ik meld dat dan bij de Raad voor Rechtsbijstand.",
    "Die zorgt ervoor dat u een advocaat krijgt.",
    "U kunt de voorzieningenrechter van de rechtbank Limburg vragen het verbod snel te beoordelen.",
    "De rechter behandelt dat verzoek binnen {zitting}. Dat staat in artikel 6 van " + WTH + ".",
]
GEVOLGEN_VERBOD = [
    "Houdt u zich niet aan het verbod, dan kan ik het verbod met bestuursdwang handhaven. De politie kan u dan "
    "weghalen.",
    "Ik kan het verbod dan ook verlengen of een zwaardere maatregel overwegen.",
    "Een zwaardere maatregel is bijvoorbeeld het sluiten van de woning (artikel 174a van " + GEMW + ").",
]
FEITEN_VERBOD_LEAD = "Op deze feiten baseer ik het verbod, op volgorde van datum:"
FEITEN_VERLENGING_LEAD = ("Dit zijn de incidenten in het dossier. Waarom ik het verbod verleng, staat verderop in "
                          "deze brief.")

# Who else receives a letter: never "a copy" (the landlord's letter is another, shorter one).
OOK_VERHUURDER = ("Ik stuur ook een brief aan de verhuurder van de woning, {verhuurder}. Daarin staat alleen wat de "
                  "verhuurder moet weten.")
OOK_TOEZICHT = ("Ik informeer de politie en Team Handhaven Openbare Ruimte over {wat}. Zo kunnen zij toezicht "
                "houden.")
TOEZICHT_WAT = {"last": "de aanwijzingen en de looptijd", "aanwezigheidsverbod": "het verbod en de tijden",
                "verlenging_aanwezigheidsverbod": "de nieuwe eindtijd van het verbod"}
ALLEEN_U = "Deze brief gaat alleen naar u."

CLAUSE = {"last_onder_dwangsom": "bezwaar_en_voorlopige_voorziening",
          "last_onder_bestuursdwang": "bezwaar_en_voorlopige_voorziening",
          # Wth art. 6 via 151d lid 3: interim relief heard within three days, no court fee.
          "aanwezigheidsverbod": "bezwaar_aanwezigheidsverbod",
          "verlenging_aanwezigheidsverbod": "bezwaar_aanwezigheidsverbod",
          "invorderingsbeschikking": "bezwaar_invordering"}

# The question each recorded judgement answers in a letter (rules/woonoverlast/index.yaml).
OORDELEN = {
    "ernstig": "Waarom is de overlast ernstig?",
    "herhaaldelijk": "Waarom is de overlast herhaaldelijk?",
    "andere_wijze_ontoereikend": "Waarom helpt een andere aanpak niet?",
    "verhuurder_kan_beinvloeden": "Waarom kan de verhuurder het gedrag beïnvloeden?",
    "zorg_eerst": "Hoe heb ik rekening gehouden met hulp en zorg?",
    "aanwijzingen_specifiek": "Waarom zijn de aanwijzingen duidelijk genoeg?",
    "sanctievorm": "Waarom kies ik deze manier van handhaven?",
    "bedrag_redelijk": "Waarom zijn het bedrag en het maximum redelijk?",
    "aanwezigheidsverbod_nodig": "Waarom is het verbod nodig?",
    "verlenging_nodig": "Waarom vrees ik ernstig dat het verbod anders opnieuw wordt overtreden?",
    "geschiktheid": "Is de maatregel geschikt?",
    "noodzakelijkheid": "Is er een lichter middel?",
    "evenwichtigheid": "Zijn de gevolgen niet te zwaar?",
    "bijzondere_omstandigheden": "Zijn er bijzondere omstandigheden?",
    "horen_aanwezigheidsverbod": "Heb ik u vooraf gehoord?",
}
OORDELEN_INVORDERING = {"overtreding_vastgesteld": "Waarom is de last overtreden?",
                        "horen_invordering": "Heb ik vooraf om een reactie gevraagd?"}
# Which recorded judgements a letter prints, by stage (a judgement about another decision says nothing here).
_BASIS = ("ernstig", "herhaaldelijk", "andere_wijze_ontoereikend", "verhuurder_kan_beinvloeden", "zorg_eerst")
_WEGING = ("geschiktheid", "noodzakelijkheid", "evenwichtigheid", "bijzondere_omstandigheden")
GEVRAAGD = {
    "voornemen": (*_BASIS, "aanwijzingen_specifiek", "sanctievorm", "bedrag_redelijk", *_WEGING),
    "last": (*_BASIS, "aanwijzingen_specifiek", "sanctievorm", "bedrag_redelijk", *_WEGING),
    "aanwezigheidsverbod": (*_BASIS, "aanwezigheidsverbod_nodig", "horen_aanwezigheidsverbod", *_WEGING),
    "verlenging_aanwezigheidsverbod": ("verlenging_nodig", "zorg_eerst", *_WEGING),
    "invorderingsbeschikking": ("overtreding_vastgesteld", "horen_invordering"),
}
# Judgements about the household's health and care: not in a letter to the landlord as addressee.
PRIVE = ("zorg_eerst", "evenwichtigheid", "bijzondere_omstandigheden", "aanwezigheidsverbod_nodig")
