"""Dutch words of the letter to the parents (B1, first person: the burgemeester). An information letter,
not a decision: it names the child once, says what happened and where the information comes from, asks the
parents to help, and names possible next steps as information only (ouderbrief.md §6, awb-procedure.md §9.4).
It never threatens a sanction, has no dictum and no objection clause, and never calls itself a decision.

Placeholders: {naam} (the child, printed once), {kind} ("uw kind" or "het kind"), {datum}, {soort},
{plaats}, {adres}, {straat}, {eerder} (the date of the earlier letter), {team}, {telefoon}, {kenmerk}.
"""

from __future__ import annotations

GEZAGHEBBENDE = "gezaghebbende"

# The subject names where it happened ({straat}: the incident's street), never the child.
ONDERWERP = {"ouderbrief": "Informatie over het gedrag van {kind}, {straat}",
             "ouderbrief_herhaald": "Opnieuw informatie over het gedrag van {kind}, {straat}"}
KIND = {"ouder": "uw kind", "voogd": "het kind"}

# The child is named here, and nowhere else in the letter.
AANLEIDING = {"ouder": "U krijgt deze brief omdat u het gezag heeft over {naam}.",
              "voogd": "U krijgt deze brief omdat u de voogd bent van {naam}."}
INLEIDING = ["Ik laat u weten wat er is gebeurd. En ik vraag u om daarover met {kind} te praten."]
EERDERE_BRIEF = "Op {eerder} stuurde ik u al een brief over {kind}. Nu is er opnieuw iets gebeurd."

BRON = {"politie": "Uit informatie van de politie weet ik het volgende.",
        "handhaving": "Uit informatie van de toezichthouders van de gemeente (handhaving) weet ik het volgende."}
GEBEURD = [
    "Op {datum} was {kind} betrokken bij {soort}.",
    "Dat gebeurde hier: {plaats} ({adres}).",
    "Ik noem in deze brief alleen wat u moet weten. Namen van anderen noem ik niet.",
]
SOORT = {"overlast": "overlast", "vernieling": "vernieling van spullen", "intimidatie": "intimiderend gedrag",
         "vuurwerk": "overlast met vuurwerk", "wildplassen": "wildplassen", "geluid": "geluidsoverlast",
         "drugs": "overlast rond drugs", "overig": "overlast"}

WAAROM = [
    "Dit gedrag geeft overlast aan mensen die in de buurt wonen of er komen.",
    "Als burgemeester zorg ik voor de openbare orde en veiligheid in de gemeente.",
    "U kunt {kind} helpen om hiermee te stoppen. Daarom schrijf ik u.",
]
VERZOEK = [
    "Praat met {kind} over wat er is gebeurd.",
    "Help {kind} om dit gedrag te stoppen.",
    "Wilt u daarbij hulp, bijvoorbeeld van het jongerenwerk of van jeugdhulp? Dan helpen wij u verder.",
]

# Possible next steps, as information only: never "I will", never a sanction announced for this child.
VERVOLG = [
    "De politie kan een jongere vanaf twaalf jaar naar Halt sturen. Daar krijgt de jongere een leerstraf.",
    "Verstoort iemand de openbare orde ernstig of herhaald? Dan kan de burgemeester een gebiedsverbod of "
    "groepsverbod opleggen (artikel 172a van de Gemeentewet).",
    "Bij een overtreding kan de gemeente een last onder dwangsom opleggen. Dan moet er geld worden betaald als "
    "het opnieuw gebeurt.",
    "Ouders en voogden zijn aansprakelijk voor schade die een kind jonger dan veertien jaar aan anderen doet. "
    "Bij een kind van veertien of vijftien meestal ook (artikel 169 van Boek 6 van het Burgerlijk Wetboek).",
]
VERVOLG_172B = ("Bij een kind jonger dan twaalf kan de burgemeester de ouders opdragen hun kind van bepaalde "
                "plaatsen weg te houden. Dat kan ook 's avonds en 's nachts gelden (artikel 172b van de Gemeentewet).")

CONTACT = [
    "Heeft u een vraag over deze brief, of wilt u hulp voor {kind} of voor uzelf?",
    "Bel dan het {team} van de gemeente: {telefoon}. Noem daarbij ons kenmerk {kenmerk}.",
]
