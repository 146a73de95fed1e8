"""PLOVER trigger lexicon: which words report which event type, mode and context.

Plain data, so an analyst can read and extend it. Each entry is "lemma" or "lemma:mode".
The event coder (events.py) decides from the parse whether a trigger really reports an event.
"""

from __future__ import annotations

from typing import Optional

Code = tuple[str, Optional[str]]  # (PLOVER type, mode)

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# Material or verbal cooperation: a promise of these is AGREE; of the conflict types, THREATEN.
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

# Verbs that report an event on their own (with their subject as actor).
_VERBS = {
    "AGREE": "agree promise pledge commit accept offer",
    "CONSULT": "meet negotiate consult confer visit:visit host:visit mediate:third-party "
    "telephone:phone phone:phone",
    "SUPPORT": "praise endorse support back defend commend ratify recognise recognize forgive "
    "approve hail",
    "CONCEDE": "concede allow permit pardon apologize apologise shorten",
    "COOPERATE": "cooperate collaborate coordinate",
    "AID": "donate airlift",
    "RETREAT": "withdraw:withdraw retreat:withdraw release:release free:release surrender:disarm "
    "disarm:disarm demobilize:disarm demobilise:disarm resign:resign evacuate:withdraw",
    "REQUEST": "demand urge request appeal ask press implore order",
    "ACCUSE": "accuse:allege blame:disapprove criticize:disapprove criticise:disapprove "
    "condemn:disapprove denounce:disapprove deplore:disapprove sue:allege complain:disapprove "
    "investigate:investigate probe:investigate rebuke:disapprove summon:disapprove",
    "REJECT": "reject refuse decline dismiss veto rebuff renege defy violate oppose",
    "THREATEN": "threaten vow swear",
    "PROTEST": "protest:demo demonstrate:demo march:demo rally:demo riot:riot picket:strike "
    "boycott:boycott",
    "SANCTION": "expel:expel sever:discontinue suspend:discontinue embargo:discontinue "
    "convict:convict sentence:convict prohibit:discontinue",
    "MOBILIZE": "mobilize:troops mobilise:troops deploy:troops",
    "COERCE": "arrest:arrest detain:arrest jail:arrest imprison:arrest seize:seize "
    "confiscate:seize raid:seize deport:deport censor:censor demolish:seize raze:seize "
    "hack:cyber kidnap:arrest ban:restrict",
    "ASSAULT": "attack kill:firearms bomb:explosives shell:heavy-weapons shoot:firearms "
    "wound assassinate torture:beat abduct:abduct invade:heavy-weapons storm ambush:firearms "
    "massacre fight clash retake overrun behead:beat stab:beat",
}

# Verbs that count only with one of these object (or prepositional object) lemmas.
_OBJECT_VERBS = {
    ("open", "fire"): ("ASSAULT", "firearms"),
    ("open", "border"): ("RETREAT", "access"),
    ("open", "bridge"): ("RETREAT", "access"),
    ("open", "crossing"): ("RETREAT", "access"),
    ("open", "embassy"): ("SUPPORT", None),
    ("establish", "tie"): ("SUPPORT", None),
    ("establish", "relation"): ("SUPPORT", None),
    ("restore", "tie"): ("SUPPORT", None),
    ("restore", "relation"): ("SUPPORT", None),
    ("break", "relation"): ("SANCTION", "discontinue"),
    ("break", "tie"): ("SANCTION", "discontinue"),
    ("cut", "tie"): ("SANCTION", "discontinue"),
    ("cut", "aid"): ("SANCTION", "discontinue"),
    ("halt", "aid"): ("SANCTION", "discontinue"),
    ("stop", "aid"): ("SANCTION", "discontinue"),
    ("stop", "negotiation"): ("SANCTION", "discontinue"),
    ("stop", "talk"): ("SANCTION", "discontinue"),
    ("end", "mediation"): ("SANCTION", "discontinue"),
    ("end", "cooperation"): ("SANCTION", "discontinue"),
    ("end", "talk"): ("SANCTION", "discontinue"),
    ("freeze", "asset"): ("SANCTION", "discontinue"),
    ("recall", "ambassador"): ("SANCTION", "withdraw"),
    ("lift", "emergency"): ("CONCEDE", None),
    ("ease", "restriction"): ("CONCEDE", None),
    ("ease", "curfew"): ("CONCEDE", None),
    ("ease", "sanction"): ("CONCEDE", None),
    ("relax", "restriction"): ("CONCEDE", None),
    ("lift", "curfew"): ("CONCEDE", None),
    ("lift", "ban"): ("CONCEDE", None),
    ("lift", "sanction"): ("CONCEDE", None),
    ("lift", "restriction"): ("CONCEDE", None),
    ("lift", "blockade"): ("RETREAT", "access"),
    ("lift", "siege"): ("RETREAT", "access"),
    ("accept", "demand"): ("CONCEDE", None),
    ("accept", "condition"): ("CONCEDE", None),
    ("share", "intelligence"): ("COOPERATE", None),
    ("share", "evidence"): ("COOPERATE", None),
    ("share", "information"): ("COOPERATE", None),
    ("give", "aid"): ("AID", None),
    ("give", "grant"): ("AID", None),
    ("give", "loan"): ("AID", None),
    ("provide", "aid"): ("AID", None),
    ("provide", "photograph"): ("AID", None),
    ("provide", "intelligence"): ("AID", None),
    ("provide", "assistance"): ("AID", None),
    ("provide", "food"): ("AID", None),
    ("send", "aid"): ("AID", None),
    ("deliver", "aid"): ("AID", None),
    ("grant", "asylum"): ("AID", None),
    ("send", "troop"): ("MOBILIZE", "troops"),
    ("send", "soldier"): ("MOBILIZE", "troops"),
    ("mass", "troop"): ("MOBILIZE", "troops"),
    ("fire", "shell"): ("ASSAULT", "heavy-weapons"),
    ("fire", "missile"): ("ASSAULT", "heavy-weapons"),
    ("fire", "rocket"): ("ASSAULT", "heavy-weapons"),
    ("fire", "bomb"): ("ASSAULT", "heavy-weapons"),
    ("fire", "shot"): ("ASSAULT", "firearms"),
    ("strike", "target"): ("ASSAULT", "aerial"),
    ("block", "road"): ("PROTEST", "obstruct"),
    ("block", "bridge"): ("PROTEST", "obstruct"),
    ("block", "transport"): ("PROTEST", "obstruct"),
    ("block", "highway"): ("PROTEST", "obstruct"),
    ("blockade", "city"): ("PROTEST", "obstruct"),
    ("impose", "curfew"): ("COERCE", "curfew"),
    ("ban", "newspaper"): ("COERCE", "censor"),
    ("close", "border"): ("COERCE", "restrict"),
    ("seal", "border"): ("COERCE", "restrict"),
    ("close", "newspaper"): ("COERCE", "censor"),
    ("stop", "work"): ("PROTEST", "strike"),
    ("hold", "hostage"): ("ASSAULT", "abduct"),
}

# Verb + particle or preposition.
_PARTICLE_VERBS = {
    ("call", "for"): ("REQUEST", None),
    ("call", "on"): ("REQUEST", None),
    ("call", "upon"): ("REQUEST", None),
    ("pull", "out"): ("RETREAT", "withdraw"),
    ("step", "down"): ("RETREAT", "resign"),
    ("hand", "over"): ("RETREAT", "release"),
    ("blow", "up"): ("COERCE", "seize"),
    ("beat", "up"): ("ASSAULT", "beat"),
    ("force", "out"): ("COERCE", "deport"),
    ("crack", "down"): ("COERCE", "restrict"),
    ("speak", "with"): ("CONSULT", None),
    ("talk", "with"): ("CONSULT", None),
    ("fire", "at"): ("ASSAULT", "firearms"),
    ("fire", "on"): ("ASSAULT", "firearms"),
    ("take", "street"): ("PROTEST", "demo"),
    ("walk", "out"): ("PROTEST", "strike"),
}

# Event nouns: an event when a light verb carries them ("held talks"), or with an actor argument.
_NOUNS = {
    "AGREE": "agreement deal accord pact truce",
    "CONSULT": "talk meeting summit negotiation consultation conversation visit:visit "
    "call:phone mediation:third-party",
    "SUPPORT": "endorsement",
    "AID": "aid:None grant assistance",
    "RETREAT": "withdrawal:withdraw resignation:resign ceasefire:ceasefire release:release",
    "REQUEST": "demand appeal",
    "ACCUSE": "investigation:investigate probe:investigate inquiry:investigate "
    "lawsuit:allege complaint:disapprove condemnation:disapprove criticism:disapprove "
    "hearing:investigate",
    "REJECT": "veto",
    "THREATEN": "threat ultimatum",
    "PROTEST": "protest:demo demonstration:demo rally:demo march:demo strike:strike "
    "riot:riot boycott:boycott sit-in:obstruct blockade:obstruct",
    "SANCTION": "sanction:None embargo:discontinue suspension:discontinue expulsion:expel",
    "MOBILIZE": "deployment:troops patrol:police mobilization:troops",
    "COERCE": "curfew:curfew crackdown:restrict arrest:arrest detention:arrest raid:seize",
    "ASSAULT": "attack bombing:explosives airstrike:aerial shelling:heavy-weapons "
    "offensive:heavy-weapons invasion:heavy-weapons assault ambush:firearms fighting clash "
    "massacre war:heavy-weapons",
}

# Compound event nouns whose first word changes the code.
NOUN_COMPOUNDS: dict[tuple[str, str], Code] = {
    ("hunger", "strike"): ("PROTEST", "hunger"),
    ("general", "strike"): ("PROTEST", "strike"),
    ("air", "strike"): ("ASSAULT", "aerial"),
    ("drone", "strike"): ("ASSAULT", "drone"),
    ("missile", "strike"): ("ASSAULT", "heavy-weapons"),
    ("military", "strike"): ("ASSAULT", None),
    ("bomb", "attack"): ("ASSAULT", "explosives"),
    ("suicide", "bombing"): ("ASSAULT", "explosives"),
    ("drone", "attack"): ("ASSAULT", "drone"),
    ("rocket", "attack"): ("ASSAULT", "heavy-weapons"),
}

# Verbs that carry an event noun as object: "held talks", "staged a protest", "imposed sanctions".
LIGHT_VERBS = {
    "hold", "have", "stage", "launch", "conduct", "carry", "mount", "begin", "start", "continue",
    "impose", "lodge", "file", "issue", "open", "reach", "make", "pay", "sign", "conclude",
    "announce", "declare", "order", "strike", "join", "resume", "step", "organise", "organize",
    "go", "call", "level", "bring", "reiterate", "renew", "repeat", "put", "initiate",
}
# A noun trigger changes type with certain light verbs.
LIGHT_OVERRIDES = {
    ("lodge", "protest"): ("ACCUSE", "disapprove"),
    ("file", "protest"): ("ACCUSE", "disapprove"),
    ("sign", "agreement"): ("SUPPORT", None),
    ("sign", "deal"): ("SUPPORT", None),
    ("sign", "accord"): ("SUPPORT", None),
    ("sign", "pact"): ("SUPPORT", None),
    ("sign", "treaty"): ("SUPPORT", None),
    ("declare", "ceasefire"): ("RETREAT", "ceasefire"),
    ("declare", "truce"): ("RETREAT", "ceasefire"),
    ("impose", "blockade"): ("COERCE", "restrict"),
    ("issue", "call"): ("REQUEST", None),
    ("make", "call"): ("CONSULT", "phone"),
}

# Frame verbs whose to-complement is absorbed into the frame event (its type sets the mode).
ABSORBING_FRAMES = {"threaten", "refuse", "decline", "demand", "urge", "ask", "request", "call",
                    "appeal", "press", "order", "reject", "vow", "swear", "warn"}
# Frames whose complement is an intention: coded, but flagged future.
INTENT_FRAMES = {"agree", "promise", "pledge", "offer", "plan", "intend", "want", "hope",
                 "seek", "aim", "expect", "schedule", "decide", "prepare", "vote", "commit",
                 "set", "due", "likely", "ready", "willing", "prepared", "going", "about"}
# Verbs that only report speech or belief: never events in themselves.
SPEECH_VERBS = {
    "say", "tell", "add", "state", "announce", "claim", "report", "insist", "stress", "note",
    "explain", "argue", "believe", "think", "conclude", "declare", "confirm", "deny", "reply",
    "respond", "suggest", "write", "recall", "acknowledge", "admit", "predict", "estimate",
    "describe", "comment", "remark", "indicate", "assert", "maintain", "warn", "feel", "know",
    "hear", "learn", "reiterate", "emphasise", "emphasize", "agree", "understand",
}
# Verbs turning a negated cooperative intention into a rejection ("will not accept refugees").
REFUSAL_FRAMES = {"refuse", "decline", "reject"}

# Frame verbs change a complement's type into the frame's own mode.
THREAT_MODES = {
    "SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence", "MOBILIZE": "violence",
    "PROTEST": "restrict", "RETREAT": "relations",
}
REQUEST_MODES = {
    "CONSULT": "meet", "AID": "assist", "RETREAT": "yield", "CONCEDE": "change",
    "AGREE": "change", "SUPPORT": "change", "COOPERATE": "assist",
}
# Lemmatiser slips seen with the small English model.
LEMMA_FIXES = {"stag": "stage", "shelled": "shell", "rioted": "riot", "ral": "rally"}


def _parse(table: dict[str, str]) -> dict[str, Code]:
    """Expand {"TYPE": "lemma lemma:mode"} into {lemma: (TYPE, mode)}."""
    out: dict[str, Code] = {}
    for etype, words in table.items():
        for word in words.split():
            lemma, _, mode = word.partition(":")
            out[lemma] = (etype, None if mode in ("", "None") else mode)
    return out


VERBS: dict[str, Code] = _parse(_VERBS)
NOUNS: dict[str, Code] = _parse(_NOUNS)
OBJECT_VERBS: dict[tuple[str, str], Code] = _OBJECT_VERBS
PARTICLE_VERBS: dict[tuple[str, str], Code] = _PARTICLE_VERBS

# Mode cues anywhere in the clause, for types whose mode depends on the means.
MODE_CUES: dict[str, list[tuple[str, str]]] = {
    "CONSULT": [("phone", "phone"), ("telephone", "phone"), ("video", "phone"),
                ("summit", "multilateral"), ("conference", "multilateral"),
                ("mediat", "third-party"), ("visit", "visit")],
    "ASSAULT": [("drone", "drone"), ("airstrike", "aerial"), ("air strike", "aerial"),
                ("warplane", "aerial"), ("helicopter", "aerial"), ("jet", "aerial"),
                ("bomb", "explosives"), ("explosi", "explosives"), ("mine", "explosives"),
                ("artillery", "heavy-weapons"), ("tank", "heavy-weapons"),
                ("shell", "heavy-weapons"), ("rocket", "heavy-weapons"),
                ("missile", "heavy-weapons"), ("gun", "firearms"), ("rifle", "firearms"),
                ("shot", "firearms"), ("fire", "firearms"), ("beat", "beat"),
                ("abduct", "abduct"), ("kidnap", "abduct")],
    "PROTEST": [("hunger strike", "hunger"), ("riot", "riot"), ("boycott", "boycott"),
                ("strike", "strike"), ("block", "obstruct"), ("demonstrat", "demo"),
                ("protest", "demo")],
    "MOBILIZE": [("police", "police"), ("militia", "militia"), ("weapon", "weapons"),
                 ("missile", "weapons"), ("troop", "troops"), ("reservist", "troops")],
}

# Context tags from keywords in the sentence (substring match on lower-case text).
CONTEXTS: dict[str, tuple[str, ...]] = {
    "military": ("military", "troop", "army", "soldier", "missile", "weapon", "peacekeep",
                 "offensive", "war ", "warship", "navy", "militar", "armed forces"),
    "economic": ("trade", "econom", "tariff", "invest", "loan", "grant", "market", "export",
                 "import", "financ", "budget", "tax"),
    "territory": ("border", "territor", "annex", "sovereignty", "settlement", "occupied"),
    "election": ("election", "vote", "voting", "ballot", "candidate", "poll", "referendum"),
    "human_rights": ("human rights", "torture", "detainee", "political prisoner", "abuse"),
    "migration": ("refugee", "migrant", "asylum", "deport", "displaced"),
    "cyber": ("cyber", "hack", "computer", "malware"),
    "legal": ("court", "judge", "law", "trial", "prosecut", "constitution"),
    "diplomatic": ("ambassador", "embassy", "diplomat", "envoy", "foreign minister", "summit"),
    "terrorism": ("terror", "suicide", "al-qaeda", "al qaeda", "militant"),
    "cbrn": ("nuclear", "chemical weapon", "biological weapon", "uranium"),
    "health": ("vaccine", "epidemic", "pandemic", "hospital", "disease"),
    "environment": ("climate", "emission", "pollution"),
    "energy": ("oil", "gas pipeline", "energy", "electricity", "power line"),
}


def contexts_of(text: str) -> list[str]:
    """Context tags whose keywords appear in `text`."""
    low = text.lower()
    return [name for name, keys in CONTEXTS.items() if any(k in low for k in keys)]


def mode_from_cues(etype: str, text: str) -> Optional[str]:
    """A mode for `etype` suggested by words in the clause, if any."""
    low = text.lower()
    for cue, mode in MODE_CUES.get(etype, []):
        if cue in low:
            return mode
    return None
