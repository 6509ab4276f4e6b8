"""Cases for shingles.py; run: python3 bench/extraction/shingles_test.py

The whole metric is checked against the benchmark's published figures by
`bench/extraction/run --check-scorer`; these rows pin the edge cases."""

import sys
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import shingles  # noqa: E402

# (truth, extracted, tp, fp, fn, precision, recall)
CASES = [
    ("un deux trois quatre cinq", "un deux trois quatre cinq", 2, 0, 0, 1.0, 1.0),
    ("un deux trois quatre cinq", "", 0, 0, 2, None, 0.0),             # empty: out of precision
    ("", "un deux trois quatre", 0, 1, 0, 0.0, None),                  # no truth: out of recall
    ("", "", 0, 0, 0, None, None),
    ("un deux", "un deux", 1, 0, 0, 1.0, 1.0),                         # under 4 words: one short run
    ("un deux", "Un deux", 0, 1, 1, 0.0, 0.0),                         # case is kept
    ("l'été, c'est l'œuvre", "l été c est l œuvre", 3, 0, 0, 1.0, 1.0),  # punctuation splits words
    ("a b c d a b c d", "a b c d", 1, 0, 4, 1.0, 0.2),                 # counted as multisets
    ("a b c d e", "a b c d x a b c d e", 2, 5, 0, 2 / 7, 1.0),
]


class ShinglesTest(unittest.TestCase):
    def test_pages(self):
        for truth, extracted, tp, fp, fn, precision, recall in CASES:
            with self.subTest(truth=truth, extracted=extracted):
                p = shingles.score_page(truth, extracted)
                self.assertEqual((p["tp"], p["fp"], p["fn"]), (tp, fp, fn))
                self.assertEqual(p["precision"] is None, precision is None)
                self.assertEqual(p["recall"] is None, recall is None)
                if precision is not None:
                    self.assertAlmostEqual(p["precision"], precision)
                if recall is not None:
                    self.assertAlmostEqual(p["recall"], recall)

    def test_averages_leave_out_pages_without_text(self):
        pages = [shingles.score_page("a b c d e", "a b c d e"), shingles.score_page("a b c d e", "")]
        s = shingles.summarise(pages, bootstrap=0)
        self.assertAlmostEqual(s["precision"], 1.0)   # the empty page is not counted
        self.assertAlmostEqual(s["recall"], 0.5)
        self.assertAlmostEqual(s["f1"], 2 * 0.5 / 1.5)  # from the means, not a mean of F1s
        self.assertAlmostEqual(s["accuracy"], 0.5)


if __name__ == "__main__":
    unittest.main()
