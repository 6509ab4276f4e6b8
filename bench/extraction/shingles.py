"""The article-extraction benchmark's metric: word 4-shingles, per page.

Each text is cut into words (maximal runs of Unicode word characters, case
kept), the words into overlapping runs of four (a text of fewer than four
words is one shorter run; a text without words has none). On one page, the
shingles of the extracted text and of the ground truth are compared as
multisets: true positives are the shingles in both (the smaller count), false
positives the extra ones extracted, false negatives the ones missed.

Averages over the pages, as the benchmark reports them:
  precision  mean of tp / (tp + fp) over the pages where something was
             extracted (an empty extraction lowers recall only);
  recall     mean of tp / (tp + fn) over the pages whose truth has words;
  F1         2PR / (P + R) of those two means (not a mean of per-page F1s);
  accuracy   share of pages whose word sequence equals the truth's.
A page whose extraction and truth agree exactly scores 1 for both. The ±
figures are bootstrap standard deviations (pages resampled with a fixed seed).

Usage:
  import shingles
  page = shingles.score_page(truth_text, extracted_text)
  total = shingles.summarise([page, ...])   # {'f1': ..., 'precision': ...}
"""

import random
import re
import statistics
from collections import Counter

SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+")


def words(text):
    """The words of `text` (None counts as empty), case and accents kept."""
    return _WORD.findall(text or "")


def shingle_counts(text, n=SHINGLE_WORDS):
    """Counter of the n-word runs of `text` (tuples of words)."""
    w = words(text)
    if len(w) < n:
        return Counter([tuple(w)] if w else [])
    return Counter(tuple(w[i:i + n]) for i in range(len(w) - n + 1))


def score_page(truth, extracted):
    """One page's counts and scores: a dict with tp, fp, fn (shingles),
    precision and recall (None where the benchmark leaves the page out of
    that average) and exact (word sequences equal)."""
    t = shingle_counts(truth)
    p = shingle_counts(extracted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    page = {"tp": tp, "fp": fp, "fn": fn,
            "exact": words(truth) == words(extracted)}
    perfect = fp == 0 and fn == 0
    page["precision"] = None if tp + fp == 0 else (1.0 if perfect else tp / (tp + fp))
    page["recall"] = None if tp + fn == 0 else (1.0 if perfect else tp / (tp + fn))
    p_, r_ = page["precision"], page["recall"]
    page["f1"] = 0.0 if not p_ or not r_ else 2 * p_ * r_ / (p_ + r_)
    return page


def _means(pages):
    precisions = [p["precision"] for p in pages if p["precision"] is not None]
    recalls = [p["recall"] for p in pages if p["recall"] is not None]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    accuracy = statistics.mean(1.0 if p["exact"] else 0.0 for p in pages) if pages else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": accuracy}


def summarise(pages, bootstrap=1000, seed=0):
    """Benchmark averages over `pages` (dicts from score_page), with
    `<name>_std` bootstrap deviations when bootstrap > 1."""
    result = _means(pages)
    if bootstrap > 1 and len(pages) > 1:
        rng = random.Random(seed)
        samples = {k: [] for k in result}
        for _ in range(bootstrap):
            resampled = _means([pages[rng.randrange(len(pages))] for _ in pages])
            for k, v in resampled.items():
                samples[k].append(v)
        for k, v in samples.items():
            result[k + "_std"] = statistics.stdev(v)
    return result
