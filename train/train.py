#!/usr/bin/env python3
"""Trains the default NER model on generated sentences. CPU is fine (2 threads); a CUDA GPU is used when present.

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread /usr/bin/python3 train/train.py --minutes 60

Writes train/out/vocab.txt, train/out/best.pt (best synthetic-validation F1) and train/out/last.pt.
"""
import argparse, json, os, random, time
import torch
import corpus, locale_data as L, wordpiece
from model import TokenClassifier

LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-NRP', 'I-NRP']
LID = {l: i for i, l in enumerate(LABELS)}
HERE = os.path.dirname(os.path.abspath(__file__))


def encode(wp, text, spans, max_len):
    ids, offs = wp.tokenize(text)
    labels = [0] * len(ids)
    for a, b, lab in spans:
        first = True
        for i, (s, e) in enumerate(offs):
            if s >= a and e <= b:
                labels[i] = LID[('B-' if first else 'I-') + lab]
                first = False
    ids, labels, offs = ids[:max_len - 2], labels[:max_len - 2], offs[:max_len - 2]
    return [2] + ids + [3], [-100] + labels + [-100], offs


def decode(labels):
    """BIO (or IO) token labels → set of (start_token, end_token, type)."""
    out, cur = [], None
    for i, l in enumerate(labels):
        name = LABELS[l]
        if name == 'O':
            if cur: out.append(cur); cur = None
            continue
        tag, typ = name.split('-')
        if cur and cur[2] == typ and tag == 'I':
            cur = (cur[0], i + 1, typ)
        else:
            if cur: out.append(cur)
            cur = (i, i + 1, typ)
    if cur: out.append(cur)
    return set(out)


def batches(gen, wp, batch_size, max_len):
    while True:
        pool = [encode(wp, *gen.sample(), max_len) for _ in range(batch_size * 20)]
        pool.sort(key=lambda x: len(x[0]))
        chunks = [pool[i:i + batch_size] for i in range(0, len(pool), batch_size)]
        random.shuffle(chunks)
        for ch in chunks:
            yield collate(ch)


def collate(items):
    n = max(len(x[0]) for x in items)
    ids = torch.zeros(len(items), n, dtype=torch.long)
    mask = torch.zeros(len(items), n, dtype=torch.long)
    lab = torch.full((len(items), n), -100, dtype=torch.long)
    for i, (a, b, _) in enumerate(items):
        ids[i, :len(a)] = torch.tensor(a); mask[i, :len(a)] = 1; lab[i, :len(b)] = torch.tensor(b)
    return ids, mask, lab


def evaluate(model, val, device):
    model.eval()
    tp = {t: 0 for t in ('PER', 'LOC', 'ORG', 'NRP')}; fp = dict(tp); fn = dict(tp)
    with torch.no_grad():
        for i in range(0, len(val), 64):
            ch = val[i:i + 64]
            ids, mask, lab = collate(ch)
            pred = model(ids.to(device), mask.to(device)).argmax(-1).cpu()
            for j in range(len(ch)):
                n = len(ch[j][0])
                gold = decode([x for x in lab[j, 1:n - 1].tolist()])
                got = decode(pred[j, 1:n - 1].tolist())
                for s in got: (tp if s in gold else fp)[s[2]] += 1
                for s in gold - got: fn[s[2]] += 1
    model.train()
    f1 = {t: 2 * tp[t] / max(1, 2 * tp[t] + fp[t] + fn[t]) for t in tp}
    f1['all'] = 2 * sum(tp.values()) / max(1, 2 * sum(tp.values()) + sum(fp.values()) + sum(fn.values()))
    return f1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--minutes', type=float, default=60)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--lr', type=float, default=6e-4)
    ap.add_argument('--vocab', type=int, default=12000)
    ap.add_argument('--d', type=int, default=256)
    ap.add_argument('--layers', type=int, default=4)
    ap.add_argument('--heads', type=int, default=4)
    ap.add_argument('--ffn', type=int, default=768)
    ap.add_argument('--max-len', type=int, default=128)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default=os.path.join(HERE, 'out'))
    ap.add_argument('--resume', help='continue from this checkpoint (fresh optimizer, short warm-up)')
    ap.add_argument('--val-size', type=int, default=1000)
    ap.add_argument('--eval-minutes', type=float, default=4)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed); random.seed(args.seed)
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    os.makedirs(args.out, exist_ok=True)

    vocab_path = os.path.join(args.out, 'vocab.txt')
    if not os.path.exists(vocab_path):
        g = corpus.CorpusGenerator(args.seed + 1000)
        texts = [g.sample()[0] for _ in range(50000)]
        lex = L.lexicon(L.load_locales())
        texts += [w for k in lex for w in lex[k]]
        vocab = wordpiece.train_vocab(texts, args.vocab)
        with open(vocab_path + '.tmp', 'w', encoding='utf-8') as f:
            f.write('\n'.join(vocab) + '\n')
        os.replace(vocab_path + '.tmp', vocab_path)
    with open(vocab_path, encoding='utf-8') as f:
        vocab = [l.rstrip('\n') for l in f]
    wp = wordpiece.WordPiece(vocab)

    vg = corpus.CorpusGenerator(args.seed + 999)
    val = [encode(wp, *vg.sample(), args.max_len) for _ in range(args.val_size)]
    model = TokenClassifier(len(vocab), len(LABELS), args.d, args.layers, args.heads, args.ffn, args.max_len).to(device)
    warmup = 400
    if args.resume:
        model.load_state_dict(torch.load(args.resume, map_location='cpu')['state'])
        warmup = 50
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    gen = corpus.CorpusGenerator(args.seed)
    it = batches(gen, wp, args.batch, args.max_len)
    start = time.time(); budget = args.minutes * 60
    step, best, last_eval, running = 0, -1.0, start, 0.0
    print(f'params {sum(p.numel() for p in model.parameters())/1e6:.1f}M, device {device}', flush=True)
    while True:
        elapsed = time.time() - start
        frac = elapsed / budget
        if frac >= 1:
            break
        lr = args.lr * min(1.0, (step + 1) / warmup) * max(0.02, 1 - frac)
        for gparam in opt.param_groups:
            gparam['lr'] = lr
        ids, mask, lab = next(it)
        logits = model(ids.to(device), mask.to(device))
        loss = loss_fn(logits.reshape(-1, len(LABELS)), lab.to(device).reshape(-1))
        opt.zero_grad(); loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step(); step += 1
        running = 0.98 * running + 0.02 * loss.item()
        if step % 100 == 0:
            print(f'step {step} t={elapsed:.0f}s lr={lr:.2e} loss={running:.4f}', flush=True)
        if time.time() - last_eval > args.eval_minutes * 60 or (step == 300 and not args.resume):
            f1 = evaluate(model, val, device)
            last_eval = time.time()  # after the evaluation: on a loaded machine it can take minutes
            print(f'eval step {step}: ' + ' '.join(f'{k}={v:.4f}' for k, v in f1.items()), flush=True)
            save(model, args, vocab, os.path.join(args.out, 'last.pt'), step, f1)
            if f1['all'] > best:
                best = f1['all']
                save(model, args, vocab, os.path.join(args.out, 'best.pt'), step, f1)
    f1 = evaluate(model, val, device)
    print(f'final step {step}: ' + ' '.join(f'{k}={v:.4f}' for k, v in f1.items()), flush=True)
    save(model, args, vocab, os.path.join(args.out, 'last.pt'), step, f1)
    if f1['all'] >= best:
        save(model, args, vocab, os.path.join(args.out, 'best.pt'), step, f1)


def save(model, args, vocab, path, step, f1):
    torch.save({'state': model.state_dict(), 'config': model.config, 'labels': LABELS, 'step': step,
                'val_f1': f1, 'args': vars(args)}, path + '.tmp')
    os.replace(path + '.tmp', path)


if __name__ == '__main__':
    main()
