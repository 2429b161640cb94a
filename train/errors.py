#!/usr/bin/env python3
"""Error analysis of a `ner-eval --dump` file: the most frequent missed and spurious strings of one entity type.

  /usr/bin/python3 train/errors.py DUMP.jsonl PERSON [N]

A predicted span counts as found when a gold span of the same type has exactly its offsets (the evaluator's exact
match). Prints, for the type, the exact counts, then the N most frequent strings of each kind of error:
- missed: gold spans no prediction matches, split into "overlapped" (a prediction of the same type overlaps it: a
  boundary error), "typed" (a prediction of another name type has its offsets: a type error) and "none";
- spurious: predictions no gold span matches, split the same way.
The dump holds corpus text: keep it (and this output) in the ignored train/work/.
"""
import collections, json, sys

NAME_TYPES = {'PERSON', 'LOCATION', 'ORGANIZATION'}


def classify(span, others_same, others_any):
    s, e = span
    if any(o[0] < e and s < o[1] for o in others_same):
        return 'overlapped'
    if any((o[0], o[1]) == (s, e) for o in others_any):
        return 'typed'
    return 'none'


def main():
    path, kind = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    tp = fn = fp = 0
    missed = collections.defaultdict(collections.Counter)
    spurious = collections.defaultdict(collections.Counter)
    with open(path, encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            text = d['text']
            gold = {(g['start'], g['end']) for g in d['gold'] if g['type'] == kind}
            pred = {(p['start'], p['end']) for p in d['pred'] if p['type'] == kind}
            gold_other = [(g['start'], g['end']) for g in d['gold'] if g['type'] in NAME_TYPES and g['type'] != kind]
            pred_other = [(p['start'], p['end']) for p in d['pred'] if p['type'] in NAME_TYPES and p['type'] != kind]
            tp += len(gold & pred)
            for g in gold - pred:
                fn += 1
                missed[classify(g, pred - gold, pred_other)][text[g[0]:g[1]]] += 1
            for p in pred - gold:
                fp += 1
                spurious[classify(p, gold - pred, gold_other)][text[p[0]:p[1]]] += 1
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f2 = 5 * precision * recall / max(4 * precision + recall, 1e-9)
    print(f'{kind}: tp {tp} fn {fn} fp {fp}  P {precision:.3f} R {recall:.3f} F2 {f2:.3f}')
    for title, table in (('missed', missed), ('spurious', spurious)):
        for how in ('none', 'overlapped', 'typed'):
            counter = table[how]
            print(f'\n{title} / {how}: {sum(counter.values())}')
            for s, c in counter.most_common(n):
                print(f'  {c:4d}  {s!r}')


if __name__ == '__main__':
    main()
