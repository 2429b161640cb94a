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
ENT_RE = re.compile(r'\((\d+)-([a-z]+)[^()|]*?(\))?(?=\(|\d|\||$)|(\d+)\)')


def read_gum():
    for path in sorted(glob.glob(os.path.join(DATA, 'gum', 'dep', '*.conllu'))):
        doc = os.path.basename(path)[:-7]
        rows = []
        open_ents = {}

        def flush():
            if not rows: return None
            toks = [r[0] for r in rows]
            tags = [('O', None)] * len(rows)
            for (a, b, typ) in ents:
                idx = [i for i in range(a, b + 1) if rows[i][1] == 'PROPN']
                if not idx: continue
                s, e = idx[0], idx[-1]
                if tags[s][1] is not None or any(tags[i][1] is not None for i in range(s, e + 1)): continue
                tags[s] = ('B', typ)
                for i in range(s + 1, e + 1): tags[i] = ('I', typ)
            return join(toks, tags)

        ents = []
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if not line:
                    r = flush()
                    if r: yield ('gum', doc) + r
                    rows, ents, open_ents = [], [], {}
                    continue
                if line.startswith('#'): continue
                cols = line.split('\t')
                if '-' in cols[0] or '.' in cols[0]: continue
                i = len(rows)
                rows.append((cols[1], cols[3]))
                misc = cols[9]
                m = re.search(r'Entity=([^|]*)', misc)
                if not m: continue
                val = m.group(1)
                for mm in ENT_RE.finditer(val):
                    if mm.group(1):
                        typ = GUM_MAP.get(mm.group(2))
                        if mm.group(3):
                            if typ: ents.append((i, i, typ))
                        else:
                            open_ents.setdefault(mm.group(1), []).append((i, typ))
                    elif mm.group(4):
                        st = open_ents.get(mm.group(4))
                        if st:
                            a, typ = st.pop()
                            if typ: ents.append((a, i, typ))
        r = flush()
        if r: yield ('gum', doc) + r


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


def read_re3d():
    for path in sorted(glob.glob(os.path.join(DATA, 're3d', 'conll', '*', '*.conll'))):
        doc = os.path.basename(path)
        for s in conll_blocks(path):
            if s is None: continue
            toks = [t for t, _ in s]
            text, spans = join(toks, bio_tags([l for _, l in s], RE3D))
            spans = [sp for sp in spans if text[sp[0]].isupper() or text[sp[0]].isdigit()]  # re3d tags common nouns
            yield 're3d', doc, text, spans


SEC_ROLE = {'Borrower', 'Lender', 'Guarantor', 'Lenders', 'Borrowers', 'Guarantors', 'Agent', 'Bank', 'Holder'}


def read_sec():
    for name in ('FIN5.txt', 'FIN3.txt'):
        for s in conll_blocks(os.path.join(DATA, 'sec-filings', name)):
            if s is None: continue
            toks = [t for t, _ in s]
            text, spans = join(toks, bio_tags([l for _, l in s], STD, iob1=True))
            # 901 of 963 "PER" are Borrower/Lender/Guarantor: such spans become negatives.
            spans = [sp for sp in spans if not (sp[2] == 'PER' and any(w in SEC_ROLE for w in text[sp[0]:sp[1]].split()))]
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


def load_split():
    gum_splits()
    out = {'train': [], 'dev': [], 'test': []}
    for r in READERS:
        for corpus, doc, text, spans in r():
            if not text.strip(): continue
            assign.n = getattr(assign, 'n', 0) + 1
            out[assign(corpus, doc)].append((corpus, text, spans))
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
