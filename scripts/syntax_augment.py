#!/usr/bin/python3
"""Writes templated sentences of the kind softgraph reads -- states and agencies that fund,
lend, build, sell and train, in the active and the passive, with coordination, negation and
plans -- as a CoNLL-U treebank with their Universal Dependencies trees.

UD English EWT (web text) has few sentences that open with a country and a verb ("Japan funds
schools in Laos"); a tagger trained on it alone reads "funds" there as a noun, and the parse
falls apart. These sentences, written here from word lists, are added to EWT's training file by
scripts/train-parser.sh; the model is still measured on EWT's own dev and test files.

    scripts/syntax_augment.py OUT.conllu [--sentences N] [--seed S]
"""
import argparse
import random

STATES = ["Japan", "China", "Russia", "Turkey", "India", "Germany", "France", "Norway", "Iran",
          "Qatar", "Kazakhstan", "Uzbekistan", "Laos", "Mongolia", "Chad", "Kenya", "Zambia",
          "Brazil", "Peru", "Chile", "Egypt", "Cuba", "Fiji", "Tonga", "Nepal", "Georgia",
          "Armenia", "Hungary", "Poland", "Canada", "Australia", "Kuwait", "Pakistan", "Vietnam",
          "Ethiopia", "Rwanda", "Senegal", "Mali", "Sweden", "Spain", "Italy", "Beijing", "Moscow",
          "Tokyo", "Ankara", "Washington", "Britain", "Tajikistan", "Kyrgyzstan", "Azerbaijan"]
STATES2 = [("South", "Korea"), ("Saudi", "Arabia"), ("New", "Zealand"), ("United", "States"),
           ("Sri", "Lanka"), ("North", "Macedonia")]
AGENCIES = ["JICA", "USAID", "KOICA", "TIKA", "Xinhua", "Sputnik", "DAAD", "GIZ", "Erasmus"]
AGENCIES2 = [("British", "Council"), ("Peace", "Corps"), ("Goethe", "Institute"),
             ("Export-Import", "Bank"), ("Maarif", "Foundation"), ("Korea", "Foundation"),
             ("Development", "Agency"), ("Cooperation", "Agency"), ("Diyanet", "Foundation"),
             ("Confucius", "Institute"), ("Japan", "Foundation"), ("Aga", "Khan", "Foundation")]
DEMONYMS = [("Japanese", "Japan"), ("Chinese", "China"), ("Russian", "Russia"),
            ("Turkish", "Turkey"), ("Indian", "India"), ("German", "Germany"),
            ("French", "France"), ("American", "America"), ("Iranian", "Iran")]
# verb: (lemma, 3sg present, past, past participle, objects)
VERBS = [
    ("fund", "funds", "funded", "funded", ["schools", "clinics", "projects", "scholarships"]),
    ("finance", "finances", "financed", "financed", ["railways", "roads", "projects", "dams"]),
    ("build", "builds", "built", "built", ["schools", "roads", "bridges", "hospitals", "mosques"]),
    ("offer", "offers", "offered", "offered", ["scholarships", "loans", "courses", "grants"]),
    ("provide", "provides", "provided", "provided", ["aid", "loans", "equipment", "training"]),
    ("lend", "lends", "lent", "lent", ["money", "billions", "funds"]),
    ("grant", "grants", "granted", "granted", ["loans", "visas", "scholarships", "aid"]),
    ("send", "sends", "sent", "sent", ["teachers", "doctors", "troops", "experts", "volunteers"]),
    ("train", "trains", "trained", "trained", ["officials", "officers", "journalists", "nurses"]),
    ("support", "supports", "supported", "supported", ["schools", "media", "reforms", "NGOs"]),
    ("sell", "sells", "sold", "sold", ["weapons", "arms", "gas", "wheat", "fuel"]),
    ("export", "exports", "exported", "exported", ["wheat", "gas", "oil", "cars", "rice"]),
    ("supply", "supplies", "supplied", "supplied", ["gas", "vaccines", "electricity", "fuel"]),
    ("donate", "donates", "donated", "donated", ["vaccines", "food", "equipment", "books"]),
    ("open", "opens", "opened", "opened", ["schools", "centres", "embassies", "offices"]),
    ("run", "runs", "ran", "run", ["schools", "programmes", "centres", "clinics"]),
    ("broadcast", "broadcasts", "broadcast", "broadcast", ["news", "programmes", "films"]),
    ("teach", "teaches", "taught", "taught", ["English", "Russian", "languages", "children"]),
    ("give", "gives", "gave", "given", ["scholarships", "grants", "aid", "loans"]),
    ("organise", "organises", "organised", "organised", ["festivals", "courses", "exhibitions"]),
    ("sponsor", "sponsors", "sponsored", "sponsored", ["students", "festivals", "programmes"]),
    ("ship", "ships", "shipped", "shipped", ["flour", "grain", "fuel", "aid"]),
    ("deploy", "deploys", "deployed", "deployed", ["troops", "advisers", "engineers"]),
    ("host", "hosts", "hosted", "hosted", ["students", "summits", "talks", "bases"]),
    ("manage", "manages", "managed", "managed", ["projects", "programmes", "funds", "grants"]),
    ("implement", "implements", "implemented", "implemented", ["projects", "reforms", "programmes"]),
    ("promote", "promotes", "promoted", "promoted", ["culture", "tourism", "democracy", "trade"]),
    ("maintain", "maintains", "maintained", "maintained", ["bases", "embassies", "programmes"]),
    ("launch", "launches", "launched", "launched", ["programmes", "projects", "channels"]),
    ("expand", "expands", "expanded", "expanded", ["scholarships", "trade", "programmes"]),
    ("establish", "establishes", "established", "established", ["schools", "universities", "centres"]),
    ("develop", "develops", "developed", "developed", ["ports", "mines", "programmes"]),
    ("invest", "invests", "invested", "invested", ["billions", "millions", "money"]),
    ("operate", "operates", "operated", "operated", ["schools", "clinics", "radio"]),
    ("coordinate", "coordinates", "coordinated", "coordinated", ["aid", "projects", "programmes"]),
    ("deliver", "delivers", "delivered", "delivered", ["aid", "vaccines", "equipment"]),
    ("equip", "equips", "equipped", "equipped", ["hospitals", "schools", "clinics"]),
]
RECEIVE = [("receive", "receives", "received"), ("import", "imports", "imported"),
           ("buy", "buys", "bought"), ("borrow", "borrows", "borrowed"), ("get", "gets", "got")]
ADJS = ["new", "cheap", "large", "free", "medical", "military", "technical", "cultural",
        "several", "many"]
PLANS = [("plan", "plans", "planned"), ("intend", "intends", "intended"),
         ("hope", "hopes", "hoped"), ("want", "wants", "wanted")]
# verbs that take their channel in a prepositional phrase: (lemma, 3sg present, past, preposition)
OBLIQUE = [("rely", "relies", "relied", "on"), ("lean", "leans", "leaned", "on"),
           ("depend", "depends", "depended", "on"), ("focus", "focuses", "focused", "on"),
           ("concentrate", "concentrates", "concentrated", "on"), ("count", "counts", "counted", "on"),
           ("draw", "draws", "drew", "on"), ("invest", "invests", "invested", "in"),
           ("specialise", "specialises", "specialised", "in"), ("compete", "competes", "competed", "for"),
           ("pay", "pays", "paid", "for"), ("spend", "spends", "spent", "on"),
           ("cooperate", "cooperates", "cooperated", "with"), ("trade", "trades", "traded", "with"),
           ("engage", "engages", "engaged", "in"), ("work", "works", "worked", "on")]
CHANNELS = [("television",), ("radio",), ("arms", "sales"), ("scholarships",), ("loans",),
            ("grants",), ("infrastructure", "loans"), ("aid",), ("grant", "aid"), ("trade",),
            ("education",), ("language", "courses"), ("media",), ("investment",), ("mosques",),
            ("schools",), ("training",), ("exchanges",), ("festivals",), ("development", "aid")]
ORGS = [("World", "Bank"), ("United", "Nations"), ("Shanghai", "Cooperation", "Organisation"),
        ("Eurasian", "Economic", "Union"), ("Commonwealth",), ("WTO",), ("ASEAN",), ("NATO",)]


class Sentence:
    def __init__(self):
        self.words = []  # [form, lemma, upos, head(1-based, 0 root), deprel]

    def add(self, form, lemma, upos, head=None, deprel="dep", xpos=None):
        self.words.append([form, lemma, upos, head, deprel, xpos])
        return len(self.words)

    def set(self, i, head, deprel):
        self.words[i - 1][3] = head
        self.words[i - 1][4] = deprel

    def conllu(self, sid):
        text = " ".join(w[0] for w in self.words).replace(" .", ".").replace(" ,", ",")
        text = text.replace(" 's", "'s")
        lines = [f"# sent_id = augment-{sid}", f"# text = {text}"]
        for i, (form, lemma, upos, head, deprel, xpos) in enumerate(self.words, 1):
            xpos = xpos or penn_tag(form, upos)
            lines.append(f"{i}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{deprel}\t_\t_")
        return "\n".join(lines) + "\n"


def penn_tag(form, upos):
    """The Penn Treebank tag EWT gives such a word (verbs are tagged where they are made)."""
    if upos == "PROPN":
        return "NNP"
    if upos == "NOUN":
        return "NNS" if form.endswith("s") and form not in ("news", "gas", "aid") else "NN"
    if upos == "ADJ":
        return "JJ"
    if upos == "NUM":
        return "CD"
    if upos == "CCONJ":
        return "CC"
    if upos == "DET":
        return "DT"
    if upos in ("ADP", "SCONJ"):
        return "IN"
    if upos == "PART":
        return {"'s": "POS", "to": "TO", "not": "RB"}.get(form, "RP")
    if upos == "ADV":
        return "RB"
    if upos == "PUNCT":
        return {",": ",", ".": "."}.get(form, ".")
    if upos == "AUX":
        return {"has": "VBZ", "have": "VBP", "is": "VBZ", "are": "VBP", "was": "VBD",
                "were": "VBD", "does": "VBZ", "did": "VBD"}.get(form, "VB")
    if upos == "VERB":
        return "VB"
    return "XX"


def verb_tag(form, lemma, pres, past, part, after_aux):
    if after_aux:
        return "VBN" if form == part else "VB"
    if form == pres and form != lemma:
        return "VBZ"
    if form == past:
        return "VBD"
    return "VBP" if form == lemma else "VBD"


def add_name(s, parts, upos="PROPN"):
    """Adds a one- or several-word name: earlier words are compounds of the last."""
    ids = [s.add(p, p, upos) for p in parts]
    for i in ids[:-1]:
        s.set(i, ids[-1], "compound")
    return ids[-1]


def add_state(s, rnd, det_ok=False):
    if rnd.random() < 0.2:
        a, b = rnd.choice(STATES2)
        if a == "United":
            d = s.add("the", "the", "DET")
            h = add_name(s, [a, b])
            s.set(d, h, "det")
            return h
        return add_name(s, [a, b])
    return s.add(rnd.choice(STATES), None, "PROPN") if False else add_name(s, [rnd.choice(STATES)])


def add_agent(s, rnd):
    """A state, an agency, or a coordination of states; returns the head."""
    r = rnd.random()
    if r < 0.55:
        return add_state(s, rnd)
    if r < 0.75:
        if rnd.random() < 0.5:
            return add_name(s, [rnd.choice(AGENCIES)])
        d = s.add("The" if not s.words else "the", "the", "DET")
        h = add_name(s, list(rnd.choice(AGENCIES2)))
        s.set(d, h, "det")
        return h
    # Coordination: A and B / A, B and C
    first = add_state(s, rnd)
    n = 2 if rnd.random() < 0.6 else 3
    for k in range(1, n):
        if k < n - 1:
            c = s.add(",", ",", "PUNCT")
        else:
            c = s.add("and", "and", "CCONJ")
        h = add_state(s, rnd)
        s.set(c, h, "punct" if k < n - 1 else "cc")
        s.set(h, first, "conj")
    return first


def add_object(s, rnd, noun, head, deprel):
    start = len(s.words) + 1
    extra = []
    if rnd.random() < 0.3 and noun[0].islower():
        extra.append(s.add(rnd.choice(ADJS), None, "ADJ"))
    elif rnd.random() < 0.2 and noun[0].islower():
        extra.append(s.add(str(rnd.choice([20, 300, 1000, 5000])), None, "NUM"))
    lemma = noun[:-1] if noun.endswith("s") and noun not in ("news", "arms") else noun
    if noun.endswith("ies"):
        lemma = noun[:-3] + "y"
    h = s.add(noun, lemma, "NOUN" if noun[0].islower() else "PROPN")
    for e in extra:
        w = s.words[e - 1]
        w[1] = w[0]
        s.set(e, h, "amod" if w[2] == "ADJ" else "nummod")
    s.set(h, head, deprel)
    return h


def add_pp(s, rnd, prep, head, deprel="obl"):
    c = s.add(prep, prep, "ADP")
    h = add_state(s, rnd)
    s.set(c, h, "case")
    s.set(h, head, deprel)
    return h


def finish(s, root):
    p = s.add(".", ".", "PUNCT")
    s.set(p, root, "punct")
    for w in s.words:
        if w[1] is None:
            w[1] = w[0]
    return s


def active(rnd):
    s = Sentence()
    fronted = rnd.random() < 0.15
    if fronted:
        c = s.add("In", "in", "ADP")
        place = add_state(s, rnd)
        s.set(c, place, "case")
        comma = s.add(",", ",", "PUNCT")
    subj = add_agent(s, rnd)
    lemma, pres, past, part, objs = rnd.choice(VERBS)
    r = rnd.random()
    aux = None
    plural_subject = any(w[4] == "conj" for w in s.words)
    if r < 0.15:
        aux = s.add("have" if plural_subject else "has", "have", "AUX")
        form = part
    elif r < 0.55:
        form = past
    else:
        form = pres
    if form == pres and plural_subject:
        form = lemma
    if rnd.random() < 0.15:  # "both" after a coordination, "also"
        adv = s.add("also", "also", "ADV")
    elif plural_subject and rnd.random() < 0.4:  # "Germany and France each fund ..."
        adv = s.add(rnd.choice(["each", "both"]), None, "DET")
    else:
        adv = None
    v = s.add(form, lemma, "VERB", xpos=verb_tag(form, lemma, pres, past, part, aux is not None))
    s.set(v, 0, "root")
    s.set(subj, v, "nsubj")
    if aux:
        s.set(aux, v, "aux")
    if adv:
        s.set(adv, v, "advmod")
    if fronted:
        s.set(place, v, "obl")
        s.set(comma, v, "punct")
    r = rnd.random()
    if r < 0.25 and lemma in ("lend", "grant", "offer", "give", "send", "sell", "supply"):
        rec = add_state(s, rnd)
        s.set(rec, v, "iobj")
        add_object(s, rnd, rnd.choice(objs), v, "obj")
    else:
        add_object(s, rnd, rnd.choice(objs), v, "obj")
        r2 = rnd.random()
        if r2 < 0.45:
            add_pp(s, rnd, "in", v)
        elif r2 < 0.75:
            add_pp(s, rnd, rnd.choice(["to", "for"]), v)
        elif r2 < 0.85:
            add_pp(s, rnd, "from", v)
    if rnd.random() < 0.15:  # a second coordinated verb phrase
        cc = s.add("and", "and", "CCONJ")
        lemma2, pres2, past2, part2, objs2 = rnd.choice(VERBS)
        f2 = {pres: pres2, past: past2, part: part2}.get(form, past2 if form == past else pres2)
        if form == lemma:
            f2 = lemma2
        v2 = s.add(f2, lemma2, "VERB",
                   xpos=verb_tag(f2, lemma2, pres2, past2, part2, aux is not None))
        s.set(cc, v2, "cc")
        s.set(v2, v, "conj")
        add_object(s, rnd, rnd.choice(objs2), v2, "obj")
    return finish(s, v)


def add_channel(s, words, head, deprel, prep=None):
    """A channel noun phrase ("arms sales", "scholarships"), compounds before the last noun."""
    start = len(s.words) + 1
    c = s.add(prep, prep, "ADP") if prep else None
    idx = []
    for w in words:
        lemma = w[:-1] if w.endswith("s") and w not in ("arms", "news") else w
        if w.endswith("ies"):
            lemma = w[:-3] + "y"
        idx.append(s.add(w, lemma, "NOUN"))
    h = idx[-1]
    for i in idx[:-1]:
        s.set(i, h, "compound")
    if c:
        s.set(c, h, "case")
    s.set(h, head, deprel)
    return h


def oblique_clause(s, rnd, plural_ok=True):
    """AGENT (each|both) VERB (mainly) PREP CHANNEL (and CHANNEL); returns the verb."""
    subj = add_agent(s, rnd)
    plural = any(w[4] == "conj" for w in s.words[subj - 1:])
    q = None
    if plural and rnd.random() < 0.4:
        q = s.add(rnd.choice(["each", "both"]), None, "DET")
    lemma, pres, past, prep = rnd.choice(OBLIQUE)
    form = past if rnd.random() < 0.4 else (lemma if plural else pres)
    adv = s.add(rnd.choice(["mainly", "largely", "heavily", "also"]), None, "ADV") \
        if rnd.random() < 0.35 else None
    xpos = "VBD" if form == past else ("VBP" if form == lemma else "VBZ")
    v = s.add(form, lemma, "VERB", xpos=xpos)
    s.set(subj, v, "nsubj")
    if q:
        s.set(q, v, "advmod")
    if adv:
        s.set(adv, v, "advmod")
    first = add_channel(s, rnd.choice(CHANNELS), v, "obl", prep)
    if rnd.random() < 0.4:
        cc = s.add("and", "and", "CCONJ")
        second = add_channel(s, rnd.choice(CHANNELS), first, "conj")
        s.set(cc, second, "cc")
    if rnd.random() < 0.3:
        add_pp(s, rnd, "in", v)
    return v


def oblique(rnd):
    """"In Kazakhstan, Russia leans on television, whereas China relies on loans." """
    s = Sentence()
    fronted = rnd.random() < 0.3
    if fronted:
        c = s.add("In", "in", "ADP")
        place = add_state(s, rnd)
        s.set(c, place, "case")
        comma = s.add(",", ",", "PUNCT")
    v = oblique_clause(s, rnd)
    s.set(v, 0, "root")
    if fronted:
        s.set(place, v, "obl")
        s.set(comma, v, "punct")
    if rnd.random() < 0.4:
        comma2 = s.add(",", ",", "PUNCT")
        mark = s.add(rnd.choice(["whereas", "while"]), None, "SCONJ")
        v2 = oblique_clause(s, rnd)
        s.set(comma2, v2, "punct")
        s.set(mark, v2, "mark")
        s.set(v2, v, "advcl")
    return finish(s, v)


FIRST = ["Gabriel", "Maria", "Ahmed", "Li", "Olga", "Kenji", "Amina", "Pedro", "Ivan", "Sofia",
         "Tariq", "Elena", "Jonas", "Aisha", "Hiro"]
LAST = ["Boric", "Santos", "Karimov", "Wang", "Petrova", "Sato", "Diallo", "Costa", "Novak",
        "Lindqvist", "Haddad", "Moreno", "Berg", "Okafor", "Tanaka"]
TITLES = [("President",), ("Prime", "Minister"), ("Foreign", "Minister"), ("King",),
          ("Minister",), ("Defence", "Minister")]
MEET = [("visit", "visited", "visits"), ("tour", "toured", "tours"), ("meet", "met", "meets"),
        ("thank", "thanked", "thanks"), ("welcome", "welcomed", "welcomes")]


def official(rnd):
    """"Chilean President Gabriel Boric visited Argentina in 2022." (EWT: the title is
    nmod:desc of the first name, the surname flat, a demonym amod of the title.)"""
    s = Sentence()
    dem = None
    if rnd.random() < 0.7:
        dem = s.add(rnd.choice(DEMONYMS)[0], None, "ADJ")
    title = [s.add(w, w, "PROPN") for w in rnd.choice(TITLES)]
    head_title = title[-1]
    for t in title[:-1]:
        w = s.words[t - 1]
        if w[0] in ("Prime", "Foreign", "Defence"):
            w[2] = "ADJ" if w[0] != "Defence" else "PROPN"
        s.set(t, head_title, "amod" if w[2] == "ADJ" else "compound")
    if dem:
        s.set(dem, head_title, "amod")
    first = s.add(rnd.choice(FIRST), None, "PROPN")
    last = s.add(rnd.choice(LAST), None, "PROPN")
    s.set(head_title, first, "nmod:desc")
    s.set(last, first, "flat")
    lemma, past, pres = rnd.choice(MEET)
    form = past if rnd.random() < 0.7 else pres
    v = s.add(form, lemma, "VERB", xpos="VBD" if form == past else "VBZ")
    s.set(v, 0, "root")
    s.set(first, v, "nsubj")
    obj = add_state(s, rnd)
    s.set(obj, v, "obj")
    if rnd.random() < 0.5:
        c = s.add("in", "in", "ADP")
        y = s.add(str(rnd.choice([1997, 2004, 2015, 2019, 2022])), None, "NUM")
        s.set(c, y, "case")
        s.set(y, v, "obl")
    return finish(s, v)


def passive(rnd):
    s = Sentence()
    lemma, pres, past, part, objs = rnd.choice(VERBS)
    d = s.add("The", "the", "DET")
    obj = add_object(s, rnd, rnd.choice(objs), 0, "root")
    s.set(d, obj, "det")
    aux = s.add(rnd.choice(["were", "are"]), "be", "AUX")
    v = s.add(part, lemma, "VERB", xpos="VBN")
    s.set(v, 0, "root")
    s.set(obj, v, "nsubj:pass")
    s.set(aux, v, "aux:pass")
    c = s.add("by", "by", "ADP")
    agent = add_agent(s, rnd)
    s.set(c, agent, "case")
    s.set(agent, v, "obl:agent")
    if rnd.random() < 0.5:
        add_pp(s, rnd, "in", v)
    return finish(s, v)


def negated_or_planned(rnd):
    s = Sentence()
    subj = add_state(s, rnd)
    lemma, pres, past, part, objs = rnd.choice(VERBS)
    if rnd.random() < 0.5:
        aux = s.add(rnd.choice(["does", "did"]), "do", "AUX")
        neg = s.add(rnd.choice(["not", "never"]), None, "PART" if False else "ADV")
        s.words[neg - 1][2] = "PART" if s.words[neg - 1][0] == "not" else "ADV"
        v = s.add(lemma, lemma, "VERB", xpos="VB")
        s.set(v, 0, "root")
        s.set(aux, v, "aux")
        s.set(neg, v, "advmod")
        s.set(subj, v, "nsubj")
    else:
        pl, ppres, ppast = rnd.choice(PLANS)
        mform = rnd.choice([ppres, ppast])
        m = s.add(mform, pl, "VERB", xpos="VBZ" if mform == ppres else "VBD")
        s.set(m, 0, "root")
        s.set(subj, m, "nsubj")
        to = s.add("to", "to", "PART")
        v = s.add(lemma, lemma, "VERB", xpos="VB")
        s.set(to, v, "mark")
        s.set(v, m, "xcomp")
        m_root = m
    add_object(s, rnd, rnd.choice(objs), v, "obj")
    if rnd.random() < 0.5:
        add_pp(s, rnd, "in", v)
    root = [i for i, w in enumerate(s.words, 1) if w[3] == 0][0]
    return finish(s, root)


def receive(rnd):
    s = Sentence()
    subj = add_state(s, rnd)
    lemma, pres, past = rnd.choice(RECEIVE)
    vform = rnd.choice([pres, past])
    v = s.add(vform, lemma, "VERB", xpos="VBZ" if vform == pres else "VBD")
    s.set(v, 0, "root")
    s.set(subj, v, "nsubj")
    add_object(s, rnd, rnd.choice(["loans", "gas", "wheat", "aid", "weapons", "vaccines"]), v,
               "obj")
    add_pp(s, rnd, "from", v)
    return finish(s, v)


def possessive(rnd):
    s = Sentence()
    st = add_state(s, rnd)
    pos = s.add("'s", "'s", "PART")
    s.set(pos, st, "case")
    noun = rnd.choice(["aid", "agency", "loans", "embassy", "investment", "schools", "media"])
    h = s.add(noun, noun.rstrip("s") if noun.endswith("s") else noun, "NOUN")
    s.set(st, h, "nmod:poss")
    lemma, pres, past, part, objs = rnd.choice(VERBS)
    vform = rnd.choice([pres, past])
    v = s.add(vform, lemma, "VERB", xpos=verb_tag(vform, lemma, pres, past, part, False))
    s.set(v, 0, "root")
    s.set(h, v, "nsubj")
    add_object(s, rnd, rnd.choice(objs), v, "obj")
    add_pp(s, rnd, "in", v)
    return finish(s, v)


def member(rnd):
    s = Sentence()
    subj = add_state(s, rnd)
    cop = s.add(rnd.choice(["is", "was"]), "be", "AUX")
    d = s.add("a", "a", "DET")
    n = s.add("member", "member", "NOUN")
    s.set(n, 0, "root")
    s.set(subj, n, "nsubj")
    s.set(cop, n, "cop")
    s.set(d, n, "det")
    of = s.add("of", "of", "ADP")
    org = rnd.choice(ORGS)
    the = s.add("the", "the", "DET") if len(org) > 1 else None
    h = add_name(s, list(org))
    s.set(of, h, "case")
    if the:
        s.set(the, h, "det")
    s.set(h, n, "nmod")
    return finish(s, n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    makers = [(active, 0.44), (oblique, 0.12), (official, 0.04), (passive, 0.11),
              (negated_or_planned, 0.11), (receive, 0.08), (possessive, 0.06), (member, 0.04)]
    with open(a.out, "w", encoding="utf-8") as f:
        for i in range(a.sentences):
            r = rnd.random()
            for make, p in makers:
                if r < p:
                    break
                r -= p
            f.write(make(rnd).conllu(i + 1) + "\n")


if __name__ == "__main__":
    main()
