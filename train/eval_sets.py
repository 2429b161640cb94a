#!/usr/bin/env python3
"""Writes the real-text dev and test splits (realdata.py) as presidio-research style JSON for the C# evaluators:

  /usr/bin/python3 train/eval_sets.py train/work/eval     # → {dev,test}.json and test-<corpus>.json
  /usr/bin/python3 train/eval_sets.py train/work/eval-natural --natural
  /usr/bin/python3 train/eval_sets.py train/work/eval-paragraphs --natural --paragraphs 5

then `dotnet run -c Release --project Benchmarks -- ner-eval --input train/work/eval/test.json`. The files hold corpus
text: they stay in the ignored train/work/ and are never committed.

The corpora come as tokens, which realdata.py joins with single spaces ("Richard G . Chleboski , the Lender 's
agent"). --natural writes them as running text instead ("Richard G. Chleboski, the Lender's agent"): no space before
closing punctuation and clitics ("Society ' s" too), none after opening brackets and currency signs, double quotes attached alternately to
the next and the previous token. The model reads the same word pieces either way (its tokenizer splits punctuation);
what changes is the analyzer's span post-processing, which is written for real text (names joined across in-word
punctuation). Gold spans move with their characters.

--paragraphs N writes {dev,test}-paragraphs.json instead: up to N consecutive sentences of one document joined by a
space, from the corpora whose documents are real documents (wikigold articles, GUM, re3d, SEC filings, LitBank books;
not tweets or the files of independent sentences). That is how news and Wikipedia text reaches the analyzer in
practice: a paragraph mentions a name more than once ("Ivan Petrov ... Petrov said").
"""
import itertools, json, os, sys
import realdata

TYPES = {'PER': 'PERSON', 'LOC': 'LOCATION', 'ORG': 'ORGANIZATION'}
ATTACH_LEFT = {',', '.', ';', ':', '!', '?', '%', ')', ']', '}', '...', '…', "'s", "'S", "’s", "'re", "'ve", "'ll", "'d",
               "'m", "n't", "n’t"}
CLITICS = {'s', 'S', 're', 've', 'll', 'd', 'm', 't'}
ATTACH_RIGHT = {'(', '[', '{', '$', '£', '€', '#'}


def natural(text, spans):
    """Space-joined tokens → running text; spans (start, end, label) follow their characters."""
    tokens = text.split(' ')
    out, new_pos, pos, length, quote_open = [], {}, 0, 0, False
    prev_glues_right = True  # no space before the first token
    for i, tok in enumerate(tokens):
        glue = prev_glues_right
        glues_right = False
        if tok in ATTACH_LEFT:
            glue = True
        elif tok in ("'", '’') and i + 1 < len(tokens) and tokens[i + 1] in CLITICS:  # "Society ' s"
            glue = glues_right = True
        elif tok == '"':
            if quote_open:
                glue = True
            else:
                glues_right = True
            quote_open = not quote_open
        if tok in ATTACH_RIGHT:
            glues_right = True
        if out and not glue:
            out.append(' ')
            length += 1
        for k in range(len(tok) + 1):
            new_pos[pos + k] = length + k
        out.append(tok)
        length += len(tok)
        pos += len(tok) + 1
        prev_glues_right = glues_right
    new_text = ''.join(out)
    moved = [(new_pos[a], new_pos[b - 1] + 1, label) for a, b, label in spans]
    return new_text, moved


def rows(items):
    return [{'full_text': t, 'spans': [{'entity_type': TYPES[l], 'entity_value': t[a:b], 'start_position': a, 'end_position': b}
                                       for a, b, l in s if l in TYPES]} for _, t, s in items]


DOCUMENT_CORPORA = {'wikigold', 'gum', 're3d', 'sec', 'litbank'}


def paragraphs(items, n):
    """(corpus, doc, text, spans) in reading order → (corpus, text, spans) of up to n consecutive sentences of one
    document, joined by single spaces, spans shifted with their sentence."""
    out = []
    documents = itertools.groupby((x for x in items if x[0] in DOCUMENT_CORPORA), key=lambda x: x[:2])
    for (corpus, _), sentences in documents:
        sentences = list(sentences)
        for i in range(0, len(sentences), n):
            text, spans = '', []
            for _, _, sentence, sentence_spans in sentences[i:i + n]:
                shift = len(text) + 1 if text else 0
                text = text + ' ' + sentence if text else sentence
                spans.extend((a + shift, b + shift, label) for a, b, label in sentence_spans)
            out.append((corpus, text, spans))
    return out


def main():
    argv = sys.argv[1:]
    per_paragraph = 0
    if '--paragraphs' in argv:
        i = argv.index('--paragraphs')
        per_paragraph = int(argv[i + 1])
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith('--')]
    out = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'work', 'eval')
    os.makedirs(out, exist_ok=True)
    split = realdata.load_split(keep_doc=True)
    if '--natural' in sys.argv:
        split = {part: [(c, d, *natural(t, s)) for c, d, t, s in items] for part, items in split.items()}
    if per_paragraph:
        for part in ('dev', 'test'):
            with open(os.path.join(out, f'{part}-paragraphs.json'), 'w', encoding='utf-8') as f:
                json.dump(rows(paragraphs(split[part], per_paragraph)), f, ensure_ascii=False)
        print('wrote', out)
        return
    split = {part: [(c, t, s) for c, _, t, s in items] for part, items in split.items()}
    for part in ('dev', 'test'):
        with open(os.path.join(out, f'{part}.json'), 'w', encoding='utf-8') as f:
            json.dump(rows(split[part]), f, ensure_ascii=False)
        for corpus in sorted({c for c, _, _ in split[part]}):
            with open(os.path.join(out, f'{part}-{corpus}.json'), 'w', encoding='utf-8') as f:
                json.dump(rows([x for x in split[part] if x[0] == corpus]), f, ensure_ascii=False)
    print('wrote', out)


if __name__ == '__main__':
    main()
