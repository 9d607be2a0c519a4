"""Export the trained tagger: ONNX fp32 (opset 17, dynamic batch and length),
int8 weight-only quantization (int8 weights + per-channel DequantizeLinear),
config / vocab / feature spec / alias table, and golden vectors.

  /usr/bin/python3 model/export.py --ckpt model/runs/train/best.pt --data model/runs/data \
      --golden model/runs/data/golden_inputs.json --out public/model --golden-out test/fixtures/golden
"""
import argparse
import json
import os
import shutil
import sys

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper, TensorProto

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import CharTagger, count_params  # noqa: E402

TAGS = ['O', 'B', 'I']


def export_fp32(model, n_features, path):
    x = torch.randint(5, 100, (2, 17), dtype=torch.int64)
    f = torch.zeros((2, 17, n_features), dtype=torch.int64)
    torch.onnx.export(
        model, (x, f), path, opset_version=17, input_names=['input_ids', 'features'], output_names=['logits'],
        dynamic_axes={'input_ids': {0: 'batch', 1: 'length'}, 'features': {0: 'batch', 1: 'length'},
                      'logits': {0: 'batch', 1: 'length'}},
        do_constant_folding=True)


def quantize_weights(src, dst, min_elems=4096):
    """Replace large float initializers by int8 + per-row scales + DequantizeLinear.
    Tensors of rank > 2 (LSTM W/R: [dirs, 4H, in]) are stored flattened to 2-D rows and
    reshaped back after dequantization, so every output row has its own scale."""
    m = onnx.load(src)
    g = m.graph
    new_inits, new_nodes = [], []
    for init in list(g.initializer):
        w = numpy_helper.to_array(init)
        if w.dtype != np.float32 or w.ndim < 2 or w.size < min_elems:
            new_inits.append(init)
            continue
        name = init.name
        rows = w.reshape(-1, w.shape[-1])
        scale = np.abs(rows).max(axis=1) / 127.0
        scale[scale == 0] = 1.0
        q = np.clip(np.round(rows / scale[:, None]), -127, 127).astype(np.int8)
        new_inits += [numpy_helper.from_array(q, name + '_q'),
                      numpy_helper.from_array(scale.astype(np.float32), name + '_scale'),
                      numpy_helper.from_array(np.zeros(scale.shape, dtype=np.int8), name + '_zp')]
        if w.ndim == 2:
            new_nodes.append(helper.make_node('DequantizeLinear', [name + '_q', name + '_scale', name + '_zp'], [name], axis=0))
        else:
            new_nodes.append(helper.make_node('DequantizeLinear', [name + '_q', name + '_scale', name + '_zp'], [name + '_dq'], axis=0))
            new_inits.append(numpy_helper.from_array(np.array(w.shape, dtype=np.int64), name + '_shape'))
            new_nodes.append(helper.make_node('Reshape', [name + '_dq', name + '_shape'], [name]))
    del g.initializer[:]
    g.initializer.extend(new_inits)
    nodes = list(g.node)
    del g.node[:]
    g.node.extend(new_nodes + nodes)
    onnx.checker.check_model(m)
    onnx.save(m, dst)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ckpt', default='model/runs/train/best.pt')
    ap.add_argument('--data', default='model/runs/data')
    ap.add_argument('--golden', default=None, help='golden_inputs.json written by model/golden.ts')
    ap.add_argument('--out', default='public/model')
    ap.add_argument('--golden-out', default='test/fixtures/golden')
    ap.add_argument('--version', default=None)
    a = ap.parse_args()
    torch.set_num_threads(2)

    ck = torch.load(a.ckpt, map_location='cpu')
    cfg = ck['config']
    model = CharTagger(**cfg)
    model.load_state_dict(ck['model'])
    model.eval()
    n_features = len(cfg['feature_sizes'])

    onnx_dir = os.path.join(a.out, 'onnx')
    os.makedirs(onnx_dir, exist_ok=True)
    fp32 = os.path.join(onnx_dir, 'model.onnx')
    q8 = os.path.join(onnx_dir, 'model_quantized.onnx')
    export_fp32(model, n_features, fp32)
    quantize_weights(fp32, q8)

    version = a.version or ('tagger-' + os.path.basename(os.path.dirname(os.path.abspath(a.ckpt))))
    for name in ('vocab.json', 'aliases.json', 'features.json'):
        if os.path.exists(os.path.join(a.data, name)):
            shutil.copy(os.path.join(a.data, name), os.path.join(a.out, name))
    meta = json.load(open(os.path.join(a.data, 'meta.json')))
    config = {
        'modelVersion': version,
        'architecture': f"char dilated-conv d{cfg['d_model']} x{cfg['blocks']} k{cfg['kernel']} dil{cfg['dilations']}",
        'params': count_params(model),
        'tags': TAGS,
        'vocabSize': cfg['vocab_size'],
        'featureSizes': cfg['feature_sizes'],
        'inputs': {'input_ids': 'int64 [batch, length]', 'features': f'int64 [batch, length, {n_features}]'},
        'outputs': {'logits': 'float32 [batch, length, 3]'},
        'maxLength': 512,
        'files': {'fp32': 'onnx/model.onnx', 'quantized': 'onnx/model_quantized.onnx'},
        'valMetrics': ck.get('metrics', {}),
        'trainedWithLexicon': meta.get('lexicon', False),
    }
    json.dump(config, open(os.path.join(a.out, 'config.json'), 'w'), indent=2)
    print('wrote', a.out, 'fp32', os.path.getsize(fp32), 'bytes, q8', os.path.getsize(q8), 'bytes')

    if a.golden:
        gi = json.load(open(a.golden))
        cases = []
        with torch.no_grad():
            for c in gi['cases']:
                ids = torch.tensor([c['ids']], dtype=torch.int64)
                feats = torch.tensor(c['features'], dtype=torch.int64).view(1, len(c['ids']), n_features)
                logits = model(ids, feats)[0].numpy()
                cases.append({**c, 'logits': np.round(logits, 5).tolist()})
        os.makedirs(a.golden_out, exist_ok=True)
        json.dump({'modelVersion': version, 'cases': cases}, open(os.path.join(a.golden_out, 'golden.json'), 'w'))
        print('golden vectors:', len(cases))


if __name__ == '__main__':
    main()
