#!/usr/bin/env python3
"""Readers for the real annotated English corpora in ../shared/data/ner (see its README) and the fixed split.

Every reader yields sentences as (text, spans, doc) where text is the tokens joined by single spaces, spans are
(start, end, label) character ranges with label in PER / LOC / ORG, and doc identifies the document (for splitting).
The label mappings and cautions of the data README are applied here. `load_split()` returns
{'train': [...], 'dev': [...], 'test': [...]} of (corpus, text, spans); the split is fixed (no randomness beyond a
stable hash of document names):
  test  BTC section F, UNER EWT test, wikigold docs with hash % 5 == 0 (20 %), CrossNER test files, GUM test docs,
        LitBank/re3d docs with hash % 10 == 0, SEC FIN3;
  dev   BTC section H, UNER EWT dev, wikigold hash % 10 == 1, CrossNER dev, GUM dev docs, LitBank/re3d hash % 10 == 1,
        WNUT-17 dev;
  train everything else.
Never train on the test split; choose on the dev split.
"""
import glob, hashlib, os, re, sys

DATA = os.environ.get('NER_DATA', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data', 'ner'))


def h(s):
    return int(hashlib.sha1(s.encode('utf-8')).hexdigest()[:8], 16)


def join(tokens, tags):
    """tokens + per-token type or None (IO: a new span starts where tags say B) → text, spans."""
    text, spans, pos = [], [], 0
    offs = []
    for t in tokens:
        offs.append((pos, pos + len(t)))
        text.append(t)
        pos += len(t) + 1
    cur = None
    for i, (bio, typ) in enumerate(tags):
        if typ is None:
            if cur: spans.append(cur); cur = None
            continue
        if cur and cur[2] == typ and bio != 'B':
            cur = (cur[0], offs[i][1], typ)
        else:
            if cur: spans.append(cur)
            cur = (offs[i][0], offs[i][1], typ)
    if cur: spans.append(cur)
    return ' '.join(text), spans


def bio_tags(labels, mapping, iob1=False):
    out = []
    prev = None
    for lab in labels:
        if lab in ('O', '', None) or '-' not in lab:
            out.append(('O', None)); prev = None; continue
        bio, typ = lab.split('-', 1)
        typ = mapping.get(typ)
        if typ is None:
            out.append(('O', None)); prev = None; continue
        if iob1:
            bio = 'B' if bio == 'B' or prev != typ else 'I'
        out.append((bio, typ)); prev = typ
    return out


def conll_blocks(path, sep=None, label_col=-1, token_col=0, skip_docstart=True):
    """Yields lists of (token, label) per sentence; '-DOCSTART-' lines start a new document (yields None)."""
    sent = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n').rstrip('\r')
            if not line.strip():
                if sent: yield sent; sent = []
                continue
            if line.startswith('#'):
                continue
            cols = line.split(sep) if sep else line.split()
            if cols[0] == '-DOCSTART-':
                if sent: yield sent; sent = []
                yield None
                continue
            if len(cols) < 2:
                continue
            sent.append((cols[token_col], cols[label_col]))
    if sent: yield sent


STD = {'PER': 'PER', 'LOC': 'LOC', 'ORG': 'ORG'}


def read_btc():
    for sec in 'abefgh':
        for i, s in enumerate(conll_blocks(os.path.join(DATA, 'btc', f'{sec}.conll'), sep='\t')):
            if s is None: continue
            # '@' and the user name are two tokens in BTC: join them as a tweet writes them ("@name").
            merged = []
            for t, l in s:
                if merged and merged[-1][0] == '@' and len(merged[-1]) == 2:
                    merged[-1] = ('@' + t, merged[-1][1] if merged[-1][1] != 'O' else l, 0)
                else:
                    merged.append((t, l))
            yield ('btc', sec) + join([m[0] for m in merged], bio_tags([m[1] for m in merged], STD))


def read_uner():
    files = {'test': 'en_ewt-ud-test.iob2', 'dev': 'en_ewt-ud-dev.iob2', 'train': 'draft-train-0c7ce0d/en_ewt-ud-train.iob2'}
    for part, name in files.items():
        for s in conll_blocks(os.path.join(DATA, 'uner-english-ewt', name), sep='\t', label_col=2, token_col=1):
            if s is None: continue
            yield ('uner', part) + join([t for t, _ in s], bio_tags([l for _, l in s], STD))  # OTH, B-O → O


def read_wikigold():
    doc = 0
    for s in conll_blocks(os.path.join(DATA, 'wikigold', 'wikigold.conll.txt')):
        if s is None:
            doc += 1; continue
        yield ('wikigold', f'doc{doc}') + join([t for t, _ in s], bio_tags([l for _, l in s], STD, iob1=True))


GUM_MAP = {'person': 'PER', 'place': 'LOC', 'organization': 'ORG'}
# One item of GUM's Entity= value: an opener "(id-etype-infstat-salience-centering-minspan-coref[-identity]" that is
# closed on the same token when ")" follows, or a closer "id)". Openers come before closers on a token and no
# specification ends in a digit, so a closer can never be read as the tail of an opener.
GUM_ITEM_RE = re.compile(r'\(([^()]*)(\))?|(\d+)\)')
# Words that join the parts of one name ("University of Paris", "Texas A & M", "Francisco de Zurbarán").
GUM_JOINERS = {'of', 'for', '-', '&', 'de', 'del', 'della', 'da', 'di', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den',
               'bin', 'al', 'el', 'y'}
# Further words a minimal span may hold and still be one name ("Bank of the West", "Bosnia and Herzegovina").
GUM_INNER = {'the', 'and', "'s", '’s', '.'}
# Joiners a person's name never holds: "Alvin Yeung of Civic Party", "Henry Sweet and Paul Passy".
GUM_NOT_IN_PERSON = {'of', 'for', 'and', 'the', '&'}


def gum_mentions(rows):
    """(start, end, etype, minimal-span token indices) of every mention of a sentence; rows hold (form, upos, xpos,
    misc, head index, relation). Malformed or unclosed mentions are dropped."""
    mentions, open_ = [], {}
    for i, misc in enumerate(r[3] for r in rows):
        m = re.search(r'Entity=([^|]*)', misc)
        if not m: continue
        for item in GUM_ITEM_RE.finditer(m.group(1)):
            if item.group(3):
                stack = open_.get(item.group(3))
                if stack:
                    a, etype, minspan = stack.pop()
                    mentions.append((a, i, etype, [a + k - 1 for k in minspan]))
                continue
            parts = item.group(1).split('-')
            if len(parts) < 7 or not re.fullmatch(r'\d+(,\d+)*', parts[5]): continue
            minspan = [int(k) for k in parts[5].split(',')]
            if item.group(2):
                mentions.append((i, i, parts[1], [i + k - 1 for k in minspan]))
            else:
                open_.setdefault(parts[0], []).append((i, parts[1], minspan))
    return mentions


GUM_WORDS = None


def gum_common_noun(word):
    """True for an English dictionary word that no name list knows: GUM's person mentions "the Tsar", "Petitioner",
    "Emperor" are roles, not names (the committed gazetteer's lists, as features.py reads them)."""
    global GUM_WORDS
    if GUM_WORDS is None:
        import features
        f = features.Features()
        GUM_WORDS = (f.words, f.first | f.last)
    english, names = GUM_WORDS
    w = word.lower()
    return w in english and w not in names and w.title() not in names and word not in names


def gum_name_tags(rows):
    """Per-token (B/I/O, type): the proper-noun name of each mention, not the whole noun phrase GUM marks ("John Cam
    Hobhouse", not "John Cam Hobhouse, who initiated him into the Cambridge Whig Club"; "Norton" in "Norton collapsed").
    A mention counts when its syntactic head is a proper noun (UPOS PROPN or XPOS NNP/NNPS: GUM tags "United" in
    "United Kingdom" VERB/NNP), or has proper nouns attached as flat or appos. The name grows from there over the
    proper nouns around it, across joiner words, and across "'s" unless a nested mention lies beyond ("King 's
    College", but "Washington" and "Capitol Hill" apart); a person's name never grows across "of", "for", "&" or
    "'s". A minimal span that runs from the head to a proper noun over joiners only is one name ("Centre for Irish
    and Scottish Studies"). Outer mentions first, as flat NER keeps "University of Paris" whole; a name of another
    type (event, work…) is kept free of nested names; a plural proper-noun person mention ("Americans") is a group and
    a lone dictionary word no name list knows ("the Tsar", "Petitioner") a role, not a name."""
    n = len(rows)
    proper = [r[1] == 'PROPN' or r[2] in ('NNP', 'NNPS') for r in rows]
    mentions = gum_mentions(rows)
    tags = [('O', None)] * n
    taken = [False] * n

    def nested_at(i, a, b):
        return any(a <= ma and mb <= b and (ma, mb) != (a, b) and ma <= i <= mb for ma, mb, _, _ in mentions)

    def step(i, d, a, b, person):
        """The index the name extends to from i in direction d (±1), or None."""
        j = i + d
        if not (a <= j <= b): return None
        if proper[j]: return j
        k = j + d
        if not (a <= k <= b and proper[k]): return None
        w = rows[j][0].lower()
        if w in GUM_JOINERS and not (person and w in GUM_NOT_IN_PERSON): return k
        if w in ("'s", "’s") and not person and not nested_at(k, a, b): return k
        return None

    for a, b, etype, minspan in sorted(mentions, key=lambda m: (-(m[1] - m[0]), m[0])):
        typ = GUM_MAP.get(etype)
        # The mention's syntactic head: its token attached outside it. A proper-noun head is the name's core ("Norton
        # collapsed"); a common-noun head counts only through proper nouns attached to it as flat or appos ("Texas
        # student Ahmed Mohamed"), not a modifier ("the MVP of the Eastern League…").
        h = next((i for i in range(a, b + 1) if not a <= rows[i][4] <= b), a)
        if proper[h]:
            s = e = h
            if min(minspan) == h and max(minspan) <= b:  # a minimal span of one name: "Centre for Irish and Scottish Studies"
                m = max(minspan)
                inner = [rows[i][0].lower() for i in range(h, m + 1) if not proper[i]]
                if proper[m] and all(w in GUM_JOINERS or w in GUM_INNER for w in inner) and \
                        not (typ == 'PER' and any(w in GUM_NOT_IN_PERSON for w in inner)):
                    e = m
        else:
            flat = [i for i in range(a, b + 1) if rows[i][4] == h and rows[i][5].split(':')[0] in ('flat', 'appos') and proper[i]]
            if not flat: continue
            s = e = flat[0]
        while (j := step(s, -1, a, b, typ == 'PER')) is not None: s = j
        while (j := step(e, 1, a, b, typ == 'PER')) is not None: e = j
        if any(taken[s:e + 1]): continue
        for i in range(s, e + 1): taken[i] = True
        if typ is None: continue
        if typ == 'PER' and s == e and (rows[s][2] == 'NNPS' or gum_common_noun(rows[s][0])): continue
        tags[s] = ('B', typ)
        for i in range(s + 1, e + 1): tags[i] = ('I', typ)
    return tags


def read_gum():
    for path in sorted(glob.glob(os.path.join(DATA, 'gum', 'dep', '*.conllu'))):
        doc = os.path.basename(path)[:-7]
        rows = []
        with open(path, encoding='utf-8') as f:
            for line in list(f) + ['']:
                line = line.rstrip('\n')
                if not line:
                    if rows:
                        yield ('gum', doc) + join([r[0] for r in rows], gum_name_tags(rows))
                    rows = []
                    continue
                if line.startswith('#'): continue
                cols = line.split('\t')
                if '-' in cols[0] or '.' in cols[0]: continue
                rows.append((cols[1], cols[3], cols[4], cols[9], int(cols[6]) - 1 if cols[6].isdigit() else -1, cols[7]))


CROSS = {'person': 'PER', 'politician': 'PER', 'scientist': 'PER', 'writer': 'PER', 'musicalartist': 'PER',
         'researcher': 'PER', 'location': 'LOC', 'country': 'LOC', 'organisation': 'ORG', 'politicalparty': 'ORG',
         'university': 'ORG', 'band': 'ORG'}


def read_crossner():
    for dom in ('politics', 'science', 'music', 'literature', 'ai'):
        for part in ('train', 'dev', 'test'):
            for s in conll_blocks(os.path.join(DATA, 'crossner', 'ner_data', dom, f'{part}.txt'), sep='\t'):
                if s is None: continue
                yield ('crossner', part) + join([t for t, _ in s], bio_tags([l for _, l in s], CROSS))


WNUT = {'person': 'PER', 'location': 'LOC', 'corporation': 'ORG', 'group': 'ORG'}


def read_wnut():
    for name, part in (('wnut17train.conll', 'train'), ('emerging.dev.conll', 'dev')):
        for s in conll_blocks(os.path.join(DATA, 'wnut17', name), sep='\t'):
            if s is None: continue
            text, spans = join([t for t, _ in s], bio_tags([l for _, l in s], WNUT))
            # WNUT-17 leaves user names (@name) unannotated where BTC labels them PER/ORG: out of the loss (IGNORE).
            for m in re.finditer(r'(?<![A-Za-z0-9_])@[A-Za-z0-9_]+', text):
                if not any(a < m.end() and b > m.start() for a, b, _ in spans):
                    spans.append((m.start(), m.end(), 'IGNORE'))
            yield 'wnut17', part, text, sorted(spans)


RE3D = {'Person': 'PER', 'Location': 'LOC', 'Organisation': 'ORG'}


RE3D_NOT_NAMES = {'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'they', 'them',
                  'their', 'the', 'a', 'an', 'this', 'that', 'these', 'those'}


def read_re3d():
    for path in sorted(glob.glob(os.path.join(DATA, 're3d', 'conll', '*', '*.conll'))):
        doc = os.path.basename(path)
        for s in conll_blocks(path):
            if s is None: continue
            toks = [t for t, _ in s]
            text, spans = join(toks, bio_tags([l for _, l in s], RE3D))
            spans = [sp for sp in spans if text[sp[0]].isupper() or text[sp[0]].isdigit()]  # re3d tags common nouns
            # …and pronouns and descriptions as persons ("I", "My", "The secretary", "The former leader of …").
            spans = [sp for sp in spans if not (sp[2] == 'PER' and text[sp[0]:sp[1]].split()[0].lower() in RE3D_NOT_NAMES)]
            yield 're3d', doc, text, spans


SEC_ROLE = {'Borrower', 'Lender', 'Guarantor', 'Lenders', 'Borrowers', 'Guarantors', 'Agent', 'Bank', 'Holder'}


def read_sec():
    for name in ('FIN5.txt', 'FIN3.txt'):
        for s in conll_blocks(os.path.join(DATA, 'sec-filings', name)):
            if s is None: continue
            toks = [t for t, _ in s]
            text, spans = join(toks, bio_tags([l for _, l in s], STD, iob1=True))
            # 901 of 963 "PER" are Borrower/Lender/Guarantor: such spans become negatives.
            # Case-blind: the filings also write "lender".
            spans = [sp for sp in spans if not (sp[2] == 'PER' and any(w.title() in SEC_ROLE for w in text[sp[0]:sp[1]].split()))]
            yield ('sec', name) + (text, spans)


LIT = {'PER': 'PER', 'GPE': 'LOC', 'LOC': 'LOC', 'ORG': 'ORG'}


def read_litbank():
    for ann in sorted(glob.glob(os.path.join(DATA, 'litbank', 'coref', 'brat', '*.ann'))):
        doc = os.path.basename(ann)[:-4]
        with open(ann[:-4] + '.txt', encoding='utf-8') as f:
            full = f.read()
        props = []
        with open(ann, encoding='utf-8') as f:
            for line in f:
                cols = line.rstrip('\n').split('\t')
                if len(cols) < 3 or not cols[0].startswith('T'): continue
                kind, a, b = cols[1].split(' ')[:3]
                if not kind.startswith('PROP_'): continue
                typ = LIT.get(kind[5:])
                props.append((int(a), int(b), typ))  # PROP_FAC / VEH: names, but not ours → negatives
        pos = 0
        for line in full.split('\n'):
            a0, b0 = pos, pos + len(line)
            pos = b0 + 1
            if not line.strip(): continue
            spans = []
            for a, b, typ in props:
                if a >= a0 and b <= b0 and typ:
                    spans.append((a - a0, b - a0, typ))
            # nested PROP mentions: keep the outermost
            spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
            kept = []
            for sp in spans:
                if kept and sp[0] < kept[-1][1]: continue
                kept.append(sp)
            # A PERSON name of its own keeps its title ("Sir Walter Elliot"); trim a leading lower-case word.
            out = []
            for a, b, typ in kept:
                while a < b and line[a].islower():
                    nxt = line.find(' ', a, b)
                    if nxt < 0: a = b; break
                    a = nxt + 1
                if a < b: out.append((a, b, typ))
            yield 'litbank', doc, line, out


GUM_TEST, GUM_DEV = set(), set()


def gum_splits():
    part = None
    with open(os.path.join(DATA, 'gum', 'splits.md'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('## '):
                part = line[3:].strip()
            m = re.match(r'\s*\* (GUM_\S+)', line)
            if m and part in ('test', 'dev'):
                (GUM_TEST if part == 'test' else GUM_DEV).add(m.group(1))


def assign(corpus, doc):
    if corpus == 'btc': return {'f': 'test', 'h': 'dev'}.get(doc, 'train')
    if corpus in ('uner', 'wnut17'): return doc
    if corpus == 'crossner':  # CrossNER's train files are small: three quarters of its dev files train too
        return 'test' if doc == 'test' else ('dev' if doc == 'dev' and h(str(assign.n)) % 4 == 0 else 'train')
    if corpus == 'wikigold':
        k = h(doc) % 10
        return 'test' if k in (0, 5) else ('dev' if k == 1 else 'train')
    if corpus == 'gum': return 'test' if doc in GUM_TEST else ('dev' if doc in GUM_DEV else 'train')
    if corpus == 'sec': return 'test' if doc == 'FIN3.txt' else 'train'
    k = h(doc) % 10
    return 'test' if k == 0 else ('dev' if k == 1 else 'train')


READERS = [read_btc, read_uner, read_wikigold, read_gum, read_crossner, read_wnut, read_re3d, read_sec, read_litbank]


def load_split(keep_doc=False):
    """{'train'|'dev'|'test': [(corpus, text, spans)]} in reading order; keep_doc=True adds the document id after the
    corpus ((corpus, doc, text, spans)), so consecutive sentences of one document can be joined."""
    gum_splits()
    out = {'train': [], 'dev': [], 'test': []}
    for r in READERS:
        for corpus, doc, text, spans in r():
            if not text.strip(): continue
            assign.n = getattr(assign, 'n', 0) + 1
            out[assign(corpus, doc)].append((corpus, doc, text, spans) if keep_doc else (corpus, text, spans))
    return out


if __name__ == '__main__':
    import collections
    sp = load_split()
    for part, rows in sp.items():
        c = collections.Counter(); e = collections.Counter(); toks = collections.Counter()
        for corpus, text, spans in rows:
            c[corpus] += 1; toks[corpus] += len(text.split())
            for s in spans: e[(corpus, s[2])] += 1
        print(part, len(rows), 'sentences', sum(toks.values()), 'tokens')
        for k in sorted(c):
            print(f'  {k:10s} {c[k]:6d} sent {toks[k]:7d} tok  PER {e[(k, "PER")]:5d} LOC {e[(k, "LOC")]:5d} ORG {e[(k, "ORG")]:5d}')
    if len(sys.argv) > 1 and int(sys.argv[1]) > 0:
        for corpus, text, spans in sp['train'][:: max(1, len(sp['train']) // int(sys.argv[1]))]:
            print(corpus, '|', text[:150], '|', [(text[a:b], t) for a, b, t in spans])
