"""Train the TickerLens char tagger on the tensors written by model/prepare.ts.

  /usr/bin/python3 model/train.py [--smoke] [--key=value ...]

Config is the plain values below (nanoGPT style); any of them can be overridden
with --name=value. Training stops after `max_steps` or `time_budget_s`, whichever
comes first. It saves the last weights (last.pt, what the pipeline ships) and the
checkpoint with the best validation span F1 (best.pt: silver + annotation holdout).
"""
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import CharTagger, count_params  # noqa: E402

# ---- config -------------------------------------------------------------------
data_dir = 'model/runs/data'
out_dir = 'model/runs/train'
d_model = 96
blocks = 4
kernel = 7
dilations = '1,2,4,8'
expansion = 2
dropout = 0.1
batch_size = 48
lr = 3e-3
min_lr = 2e-4
weight_decay = 0.01
warmup_steps = 100
max_steps = 100000
time_budget_s = 60 * 60
eval_every = 300
feat_drop_post = 0.25     # blank all lexicon channels of a window (model must find coins alone)
feat_drop_span = 0.10     # blank one candidate's lexicon channels
verdict_drop_post = 0.2   # blank only the lexicon's verdict + confidence (its rules were fit on silver)
verdict_channels = [2, 4]
pos_weight = 1.5          # extra loss weight on B/I targets (positives are rare)
lexicon_channels = [0, 1, 2, 3, 4]
position_channel = 3
seed = 1337
threads = 2
smoke = False
# -------------------------------------------------------------------------------

for arg in sys.argv[1:]:
    if arg == '--smoke':
        smoke = True
        continue
    assert arg.startswith('--') and '=' in arg, f'bad argument {arg!r} (use --name=value)'
    k, v = arg[2:].split('=', 1)
    assert k in globals(), f'unknown config key {k}'
    cur = globals()[k]
    globals()[k] = type(cur)(v) if not isinstance(cur, bool) else v.lower() in ('1', 'true', 'yes')
if smoke:
    if data_dir == 'model/runs/data':
        data_dir = 'model/runs/smoke/data'
    if out_dir == 'model/runs/train':
        out_dir = 'model/runs/smoke/train'
    max_steps = min(max_steps, 40)
    eval_every = 20
    time_budget_s = min(time_budget_s, 90)

torch.set_num_threads(threads)
torch.manual_seed(seed)
rng = np.random.default_rng(seed)
os.makedirs(out_dir, exist_ok=True)


def load_split(name):
    meta = json.load(open(os.path.join(data_dir, 'meta.json')))
    nf = meta['nFeatures']
    index = json.load(open(os.path.join(data_dir, f'{name}.index.json')))
    ids = np.fromfile(os.path.join(data_dir, f'{name}.ids.u16'), dtype=np.uint16)
    feats = np.fromfile(os.path.join(data_dir, f'{name}.feats.u8'), dtype=np.uint8).reshape(-1, nf)
    labels = np.fromfile(os.path.join(data_dir, f'{name}.labels.i8'), dtype=np.int8)
    return meta, index, ids, feats, labels


meta, tr_index, tr_ids, tr_feats, tr_labels = load_split('train')
_, va_index, va_ids, va_feats, va_labels = load_split('val')
nf = meta['nFeatures']


def make_batch(index, ids, feats, labels, rows, train):
    T = max(index[r]['len'] for r in rows)
    B = len(rows)
    x = np.zeros((B, T), dtype=np.int64)
    f = np.zeros((B, T, nf), dtype=np.int64)
    y = np.full((B, T), -1, dtype=np.int64)
    w = np.zeros((B,), dtype=np.float32)
    for b, r in enumerate(rows):
        e = index[r]
        o, n = e['off'], e['len']
        x[b, :n] = ids[o:o + n]
        f[b, :n] = feats[o:o + n]
        y[b, :n] = labels[o:o + n]
        w[b] = e['w']
        if train:
            r = rng.random()
            if r < feat_drop_post:
                f[b, :n, lexicon_channels] = 0
            elif r < feat_drop_post + verdict_drop_post:
                f[b, :n, verdict_channels] = 0
            elif feat_drop_span > 0:
                starts = np.nonzero(f[b, :n, position_channel] == 1)[0]
                for s in starts:
                    if rng.random() < feat_drop_span:
                        t = s + 1
                        while t < n and f[b, t, position_channel] == 2:
                            t += 1
                        f[b, s:t, lexicon_channels] = 0
    return torch.from_numpy(x), torch.from_numpy(f), torch.from_numpy(y), torch.from_numpy(w)


def batches_by_length(index, bs):
    """Shuffle, then sort within chunks of 50 batches by length so padding stays small."""
    order = rng.permutation(len(index))
    chunk = bs * 50
    out = []
    for c in range(0, len(order), chunk):
        part = sorted(order[c:c + chunk], key=lambda r: index[r]['len'])
        out += [part[i:i + bs] for i in range(0, len(part), bs)]
    rng.shuffle(out)
    return out


def spans_of(tags):
    """BIO → set of (start, end); an I after O starts a span (lenient)."""
    spans, s = [], None
    for i, t in enumerate(tags):
        if t == 1 or (t == 2 and s is None):
            if s is not None:
                spans.append((s, i))
            s = i
        elif t == 0:
            if s is not None:
                spans.append((s, i))
            s = None
    if s is not None:
        spans.append((s, len(tags)))
    return spans


@torch.no_grad()
def evaluate(model):
    model.eval()
    tp = fp = fn = 0
    tok_ok = tok_n = 0
    loss_sum = 0.0
    rows = list(range(len(va_index)))
    for i in range(0, len(rows), 32):
        part = sorted(rows[i:i + 32], key=lambda r: va_index[r]['len'])
        x, f, y, _ = make_batch(va_index, va_ids, va_feats, va_labels, part, False)
        logits = model(x, f)
        loss_sum += F.cross_entropy(logits.reshape(-1, 3), y.reshape(-1), ignore_index=-1, reduction='sum').item()
        pred = logits.argmax(-1).numpy()
        yy = y.numpy()
        for b, r in enumerate(part):
            n = va_index[r]['len']
            mask = yy[b, :n] >= 0
            tok_ok += int((pred[b, :n][mask] == yy[b, :n][mask]).sum())
            tok_n += int(mask.sum())
            gold = set(spans_of(np.where(mask, yy[b, :n], 0)))
            p = np.where(mask, pred[b, :n], 0)
            guess = set(spans_of(p))
            tp += len(gold & guess)
            fp += len(guess - gold)
            fn += len(gold - guess)
    model.train()
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    f1 = 2 * prec * rec / max(1e-9, prec + rec)
    return {'span_f1': f1, 'span_p': prec, 'span_r': rec, 'tok_acc': tok_ok / max(1, tok_n), 'val_loss': loss_sum / max(1, tok_n)}


def lr_at(step, total, elapsed=0.0):
    if step < warmup_steps:
        return lr * (step + 1) / warmup_steps
    # Progress by steps or by wall time, whichever is further: other processes on the
    # shared cores can slow steps down, and the cosine must still reach min_lr in budget.
    p = min(1.0, max((step - warmup_steps) / max(1, total - warmup_steps), elapsed / time_budget_s))
    return min_lr + 0.5 * (lr - min_lr) * (1 + math.cos(math.pi * p))


def main():
    cfg = dict(vocab_size=meta['vocabSize'], feature_sizes=meta['featureSizes'], d_model=d_model, blocks=blocks,
               kernel=kernel, dilations=[int(v) for v in dilations.split(',')], expansion=expansion, dropout=dropout)
    model = CharTagger(**cfg)
    n_params = count_params(model)
    print(f'params {n_params:,}  train windows {len(tr_index):,} tokens {len(tr_ids):,}  val windows {len(va_index)}', flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    t0 = time.time()
    # Measure throughput on the first steps, then size the cosine schedule to the time budget.
    planned = max_steps
    step = 0
    best = -1.0
    history = []
    seen = 0
    epoch = 0
    done = False
    while not done:
        epoch += 1
        for rows in batches_by_length(tr_index, batch_size):
            if step == 30 and not smoke:
                per_step = (time.time() - t0) / 30
                planned = min(max_steps, int(time_budget_s / per_step))
                print(f'{per_step * 1000:.0f} ms/step → planning {planned} steps', flush=True)
            for g in opt.param_groups:
                g['lr'] = lr_at(step, planned, time.time() - t0)
            x, f, y, w = make_batch(tr_index, tr_ids, tr_feats, tr_labels, rows, True)
            logits = model(x, f)
            tok_loss = F.cross_entropy(logits.reshape(-1, 3), y.reshape(-1), ignore_index=-1, reduction='none').view(y.shape)
            tw = w[:, None] * (y >= 0).float() * torch.where(y > 0, pos_weight, 1.0)
            loss = (tok_loss * tw).sum() / tw.sum().clamp_min(1e-6)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            seen += len(rows)
            if step % 50 == 0:
                el = time.time() - t0
                print(f'step {step}/{planned} ep {epoch} loss {loss.item():.4f} lr {opt.param_groups[0]["lr"]:.2e} {seen / el:.0f} ex/s {el:.0f}s', flush=True)
            if step % eval_every == 0 or step >= planned or time.time() - t0 > time_budget_s:
                m = evaluate(model)
                m.update(step=step, elapsed_s=round(time.time() - t0, 1))
                history.append(m)
                print('eval', json.dumps(m), flush=True)
                if m['span_f1'] > best:
                    best = m['span_f1']
                    torch.save({'model': model.state_dict(), 'config': cfg, 'metrics': m}, os.path.join(out_dir, 'best.pt'))
            if step >= planned or time.time() - t0 > time_budget_s:
                done = True
                break
    # The last weights too: span F1 on 295 posts is a noisy selector, post-level checks may prefer these.
    torch.save({'model': model.state_dict(), 'config': cfg, 'metrics': history[-1] if history else {}}, os.path.join(out_dir, 'last.pt'))
    summary = {'params': n_params, 'steps': step, 'epochs_started': epoch, 'train_s': round(time.time() - t0, 1),
               'best_span_f1': best, 'history': history, 'config': cfg, 'batch_size': batch_size,
               'data': {k: meta[k] for k in ('sources', 'silver', 'annotations', 'swaps', 'trainWindows', 'trainTokens', 'lexicon')}}
    json.dump(summary, open(os.path.join(out_dir, 'summary.json'), 'w'), indent=2)
    print(f'done: {step} steps in {summary["train_s"]}s, best val span F1 {best:.4f}', flush=True)


if __name__ == '__main__':
    main()
