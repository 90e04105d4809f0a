"""Dutch words of the letter to the parents (B1, first person: the burgemeester). An information letter,
not a decision: it names the child once, says what happened and where the information comes from, asks the
parents to help, and names possible next steps as information only (ouderbrief.md §6, awb-procedure.md §9.4).
It never threatens a sanction, has no dictum and no objection clause, and never calls itself a decision.

What the letter reports is what the source says ("volgens de politie"), never a finding of the mayor: the
mayor does not judge whether the child committed an offence. The place is a street and the town, never a
house number (the place of the incident can be someone's home: AVG art. 5(1)(c)).

Placeholders: {naam} (the child, printed once), {kind} ("uw kind" or "het kind"), {datum}, {soort},
{plaats}, {adres} (street and town), {straat} (street), {eerder} (the date of the earlier letter),
{bron} (who reported it), {team}, {telefoon}, {kenmerk}.
"""

from __future__ import annotations

GEZAGHEBBENDE = "gezaghebbende"

# The subject names the street where it happened ({straat}), never the child or a house number.
ONDERWERP = {"ouderbrief": "Informatie over het gedrag van {kind}, {straat}",
             "ouderbrief_herhaald": "Opnieuw informatie over het gedrag van {kind}, {straat}"}
KIND = {"ouder": "uw kind", "voogd": "het kind"}

# The child is named here, and nowhere else in the letter.
AANLEIDING = {"ouder": "U krijgt deze brief omdat u het gezag heeft over {naam}.",
              "voogd": "U krijgt deze brief omdat u de voogd bent van {naam}."}
INLEIDING = ["Ik laat u weten wat er is gebeurd. En ik vraag u om daarover met {kind} te praten."]
# True for every recipient: a parent found later did not receive the earlier letter ("stuurde ik u" would
# be untrue for them).
EERDERE_BRIEF = "Op {eerder} heb ik al een brief gestuurd over {kind}. Nu is er opnieuw iets gebeurd."

BRON = {"politie": "de politie", "handhaving": "de handhavers van de gemeente"}
GEBEURD = [
    "Ik heb informatie gekregen van {bron}.",
    "Volgens die informatie was {kind} op {datum} betrokken bij {soort}.",
    "Dat gebeurde {plaats} ({adres}).",
    "Ik zeg met deze brief niet dat {kind} een strafbaar feit heeft gepleegd. Dat beoordeel ik niet.",
]
SOORT = {"overlast": "overlast", "vernieling": "het vernielen van spullen", "intimidatie": "intimiderend gedrag",
         "vuurwerk": "overlast met vuurwerk", "wildplassen": "wildplassen", "geluid": "geluidsoverlast",
         "drugs": "overlast rond drugs", "overig": "overlast"}

# Gemeentewet 172 lid 1 charges the mayor with maintaining public order; "veiligheid" is not in that article.
WAAROM = [
    "Dit soort gedrag geeft overlast aan mensen die in de buurt wonen of er komen.",
    "Als burgemeester moet ik zorgen voor de openbare orde. Dat staat in artikel 172, eerste lid, van de "
    "Gemeentewet.",
    "U kunt {kind} helpen om overlast te voorkomen. Daarom schrijf ik u.",
]
VERZOEK = [
    "Praat met {kind} over wat er is gebeurd.",
    "Help {kind} om overlast te voorkomen.",
    "Wilt u daarbij hulp, bijvoorbeeld van het jongerenwerk of van jeugdhulp? Dan helpen wij u verder.",
]

# Possible next steps, as information only: never "I will", never a sanction announced for this child.
# Each line fits the child's age at the incident (letters.py): Halt from twelve (Sr art. 77e), art. 172b
# below twelve, BW 6:169 below sixteen.
HALT = ("Heeft een jongere van twaalf jaar of ouder iets strafbaars gedaan? Dan kan de politie of een handhaver "
        "de jongere naar Halt sturen. De jongere krijgt dan een Halt-straf.")
GEBIEDSVERBOD = ("Verstoort iemand steeds opnieuw de openbare orde, alleen of in een groep? Dan kan de "
                 "burgemeester die persoon bijvoorbeeld verbieden in een bepaald gebied te komen (artikel 172a van de "
                 "Gemeentewet).")
DWANGSOM = ("Bij een overtreding kan de gemeente een last onder dwangsom opleggen. Dat is een opdracht om te "
            "stoppen. Gebeurt het toch weer? Dan moet er een geldbedrag worden betaald.")
AANSPRAKELIJK_14 = ("Ouders en voogden met gezag zijn aansprakelijk voor schade die een kind jonger dan veertien "
                    "jaar aan anderen doet (artikel 169 van Boek 6 van het Burgerlijk Wetboek).")
# BW 6:169 lid 2: for a child of fourteen or fifteen, liable unless they cannot be blamed for not preventing it.
AANSPRAKELIJK_16 = ("Doet een kind van veertien of vijftien jaar schade aan anderen? Dan zijn de ouders of de "
                    "voogd ook aansprakelijk. Behalve als zij het niet konden voorkomen (artikel 169 van Boek 6 "
                    "van het Burgerlijk Wetboek).")
VERVOLG_172B = ("Verstoort een kind jonger dan twaalf in een groep steeds opnieuw de openbare orde? Dan kan de "
                "burgemeester de ouders of de voogd een opdracht geven. Bijvoorbeeld dat het kind niet op bepaalde "
                "plaatsen mag komen. Of dat het kind van 20.00 tot 6.00 uur niet zonder begeleiding buiten mag "
                "zijn (artikel 172b van de Gemeentewet).")

CONTACT = [
    "Heeft u een vraag over deze brief, of wilt u hulp voor {kind} of voor uzelf?",
    "Bel dan het {team} van de gemeente: {telefoon}. Noem daarbij ons kenmerk {kenmerk}.",
]
