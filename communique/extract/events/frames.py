"""Grammar of event reports: frame verbs (threats, demands, intentions), speech verbs, modes and contexts.

The trigger words themselves come from the generated tables (lexicon.py); these lists say how clauses
around a trigger change what it reports.
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

# Frame verbs whose to-complement is absorbed into the frame event (its type sets the mode).
ABSORBING_FRAMES = {"threaten", "refuse", "decline", "demand", "urge", "ask", "request", "call",
                    "appeal", "press", "order", "reject", "vow", "swear", "warn", "want", "expect", "wish"}
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
# Forms of dictionary verbs that the model lemmatises to another word ("raped" -> "rap", "waged" -> "wag",
# "lambasted" -> "lambast"), found by putting each dictionary verb's past, -ing and -s forms in a sentence; keyed
# by form, since "rap" and "wag" are verbs of their own ("wages", a noun, keeps its own lemma). Left to the slip:
# "slated" (in US news, scheduled) and "spared".
FORM_FIXES = {form: verb for verb, forms in {
    "rape": ("raped", "raping", "rapes"), "wage": ("waged", "waging"), "lambaste": ("lambasted", "lambasting",
    "lambastes"), "decree": ("decreed",), "ready": ("readied",), "rearrest": ("rearrested", "rearresting"),
    "relaunch": ("relaunched", "relaunching", "relaunches"), "snipe": ("sniped", "sniping", "snipes"),
    "appall": ("appalled",),
    "enroll": ("enrolled", "enrolling"), "fulfill": ("fulfilled", "fulfilling"), "cane": ("caned", "caning"),
    "rebury": ("reburied",), "bide": ("biding", "bided", "bides")}.items() for form in forms}


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
