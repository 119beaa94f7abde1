#!/usr/bin/env python3
"""Draw the Chronicle real-news sentence set (datasets/realnews/sentences.jsonl).

Why this script exists
----------------------
Chronicle's synthetic and hand-written tests say little about how the coder
does on real newswire. This script draws a fixed sample of 2,000 sentences from
three stored corpora (BBC News politics+business, BASIL, ECB+) for people (or
models) to label with PLOVER events. The labelled set is used to measure the
coder and, for the train split only, to tune or train it.

Why it is built the way it is
-----------------------------
* Deterministic: a fixed seed and stable sha1 hashes, no dependence on dict
  or file order beyond the input files, so re-running it reproduces the same
  file byte for byte (check with ``git diff`` after a re-run).
* Splits by group, never by sentence: a BASIL story (3 outlets), an ECB+
  story (subtopic) or a BBC article goes wholly to train, dev or test
  (60/15/25 by sha1 of the group id), so near-identical sentences about one
  story cannot leak from train into test.
* Stratified WITHOUT Chronicle's lexicon: the "cue" stratum uses the broad
  list of political-event words below, written here independently of
  src/, so the set is not biased towards what the current coder already
  knows. The "random" stratum is a simple random sample of all eligible
  sentences, and catches events expressed without any cue word.
* Design weights: every sentence carries ``weight`` = 1 / inclusion
  probability, computed exactly for the two-phase design used per corpus
  (phase 1: simple random sample of n_r from all N eligible sentences;
  phase 2: simple random sample of n_c from the N_K cue sentences not drawn
  in phase 1). Sum of weight * y over the sample estimates the corpus total
  of y (Horvitz-Thompson); sum(w*y)/sum(w) a population proportion. The
  per-article cap of 4 sentences makes the weights very slightly approximate
  (the script prints how many draws the cap skipped; see sampling.json).

Run from the repository root::

    .venv/bin/python tools/realnews_sample.py   # writes datasets/realnews/...

Only the standard library and spaCy (blank English + sentencizer) are used.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

SEED = 20240611
SPLIT_SALT = "chronicle-realnews-v1"
TOTAL = 2000
PER_CORPUS = {"bbc-news": 800, "basil": 600, "ecbplus": 600}
CUE_SHARE = 0.60
MAX_PER_ARTICLE = 4
MIN_WORDS, MAX_WORDS = 6, 80
CHUNK_SIZE = 500

CORPUS_DIR = Path("/work/shared/corpus")
SOURCES = {
    "bbc-news": CORPUS_DIR / "bbc-news" / "bbc-news.jsonl",
    "basil": CORPUS_DIR / "basil" / "basil.jsonl",
    "ecbplus": CORPUS_DIR / "ecbplus" / "ecbplus.jsonl",
}

# Broad political-event cue words, written for this sampler only (NOT taken
# from Chronicle's lexicon). Single word forms, matched on lower-cased word
# tokens; plus a few two-word phrases for "call for / call on".
CUE_WORDS = set("""
meet meets met meeting meetings talks negotiate negotiated negotiating negotiations summit visit visited visits
agree agreed agrees agreement deal accord treaty ceasefire truce pact
accuse accused accuses accusing accusation accusations allege alleged alleges
criticise criticised criticises criticising criticize criticized criticizes criticizing criticism condemn condemned condemns
denounce denounced blame blamed blames
demand demanded demanding demands urge urged urges urging appeal appealed
threaten threatened threatening threatens threat threats warn warned warning warns ultimatum
sanction sanctions sanctioned embargo boycott boycotted expel expelled
protest protests protested protesters protestors demonstration demonstrations demonstrators rally rallies riot riots
strike strikes striking walkout
attack attacked attacks attacking assault assaulted raid raided
kill killed killing killings
arrest arrested arrests detain detained detention jailed imprisoned
deploy deployed deployment troops
aid assistance donate donated
veto vetoed vetoes reject rejected rejects rejecting refuse refused refuses
resign resigned resigns resignation
vote voted votes voting
sign signed signs signing
charge charged charges indict indicted indictment prosecute prosecuted
sue sued suing lawsuit
fire fired sack sacked dismiss dismissed oust ousted
bomb bombed bombing bombings shoot shot shooting shootings
investigate investigated investigation probe
support supported backed endorse endorsed praise praised apologise apologised apologize apologized
invade invaded invasion occupy occupied seize seized
release released withdraw withdrew withdrawal retreat
ban banned impose imposed
""".split())
CUE_PHRASES = [("call", "for"), ("called", "for"), ("calls", "for"), ("calling", "for"),
               ("call", "on"), ("called", "on"), ("calls", "on"), ("calling", "on")]

WORD_RE = re.compile(r"[A-Za-z]+")

# Lines that are captions, credits, bylines, links or other page furniture.
BOILERPLATE_RE = re.compile(
    r"follow (him|her|them|us|me) on|twitter:\s*@|\(@\w+\)\s*$|https?://|www\."
    r"|\bphoto(graph)?\s*(credit|:|by)|\bcredit:|getty images|\bap photo\b(?!grapher)|reuters/"
    r"|click here|read more:|sign up for (alerts|our)|subscribe to our|all rights reserved|©"
    r"|contributed to this report|is a (reporter|correspondent|producer|writer) (for|at|with)"
    r"|e-?mail (him|her|us|me)\b|^\s*(related|updated|posted|watch):",
    re.IGNORECASE,
)
OPEN_QUOTES = ("“", "\"")
END_PUNCT = tuple(".!?\"'”’)")


def sha1_int(text: str) -> int:
    """A stable integer from text (Python's hash() changes between runs)."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


def split_of(corpus: str, group: str) -> str:
    """The split of a story or article group: by hash, so one story never spans two splits."""
    bucket = sha1_int(f"{SPLIT_SALT}|{corpus}|{group}") % 100
    return "train" if bucket < 60 else ("dev" if bucket < 75 else "test")


def load_articles():
    """Yield (corpus, record, group) after the corpus filters and BBC dedup."""
    seen_bbc = set()
    for corpus, path in SOURCES.items():
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        rows.sort(key=lambda r: r["id"])
        for r in rows:
            if corpus == "bbc-news":
                if not r["id"].startswith(("bbc-politics-", "bbc-business-")):
                    continue
                key = (r["title"], r["text"])
                if key in seen_bbc:  # exact duplicate: keep the lowest id
                    continue
                seen_bbc.add(key)
                group = r["id"]
            else:
                group = r["story"]
            yield corpus, r, group


def is_cue(text: str) -> bool:
    """Whether a sentence has a political-event cue word (the list is the project's own, not the
    coder's lexicon, so the sample is not biased toward what the coder knows)."""
    toks = [t.lower() for t in WORD_RE.findall(text)]
    if any(t in CUE_WORDS for t in toks):
        return True
    return any(pair in CUE_PHRASES for pair in zip(toks, toks[1:]))


def eligible(sent: str) -> bool:
    """Whether a line is a story sentence worth labelling (length, no boilerplate, final punctuation)."""
    n = len(sent.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    if BOILERPLATE_RE.search(sent):
        return False
    # captions, headlines, datelines and credits lack final punctuation
    if not sent.rstrip().endswith(END_PUNCT):
        return False
    return True


def sentences_of(nlp, text: str):
    """(start, end) offsets of sentences; any line break ends a sentence."""
    spans = []
    paras = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            paras.append((pos, line))
        pos += len(line) + 1
    for (off, line), doc in zip(paras, nlp.pipe([p for _, p in paras])):
        for s in doc.sents:
            raw = s.text
            lead = len(raw) - len(raw.lstrip())
            stripped = raw.strip()
            if not stripped:
                continue
            start = off + s.start_char + lead
            end = start + len(stripped)
            spans.append([start, end, off])
    # the sentencizer leaves the opening quote of a quotation at the end of
    # the sentence before it (“ or a spaced "): move it to the next sentence
    for k in range(len(spans) - 1):
        a, b, off = spans[k]
        seg = text[a:b]
        if seg.endswith(OPEN_QUOTES) and (seg.endswith("“") or seg[-2:-1].isspace()) \
                and spans[k + 1][2] == off and len(seg) > 1:
            q = b - 1
            spans[k][1] = a + len(text[a:q].rstrip())
            spans[k + 1][0] = q
    return [(a, b) for a, b, _ in spans if b > a]


def log_hyper_pmf(x: int, pop: int, succ: int, draws: int) -> float:
    """Log of the hypergeometric probability, for the exact inclusion probability of a cue sentence."""
    def lc(n, k):
        return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
    return lc(succ, x) + lc(pop - succ, draws - x) - lc(pop, draws)


def cue_inclusion_prob(N: int, NK: int, n_r: int, n_c: int) -> float:
    """Exact P(cue sentence drawn) under: SRS n_r of N, then SRS n_c of the
    cue sentences left. X = other cue sentences taken in phase 1 given this
    one was not: hypergeometric(N-1, NK-1, n_r)."""
    p_r = n_r / N
    lo, hi = max(0, n_r - (N - NK)), min(NK - 1, n_r)
    acc = 0.0
    for x in range(lo, hi + 1):
        left = NK - x
        if left <= 0:
            continue
        acc += math.exp(log_hyper_pmf(x, N - 1, NK - 1, n_r)) * min(1.0, n_c / left)
    return p_r + (1 - p_r) * acc


def main(argv=None) -> int:
    """Draw the sample and write sentences.jsonl, the labellers' chunks and sampling.json."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="datasets/realnews", help="output folder")
    args = ap.parse_args(argv)
    pop, n_articles = population()
    rng = random.Random(SEED)
    chosen = []
    design = {"seed": SEED, "split_salt": SPLIT_SALT, "max_per_article": MAX_PER_ARTICLE,
              "min_words": MIN_WORDS, "max_words": MAX_WORDS, "corpora": {}}
    for corpus in SOURCES:
        drawn = draw(pop[corpus], PER_CORPUS[corpus], rng)
        if drawn is None:
            print(f"error: {corpus}: could not draw {PER_CORPUS[corpus]} sentences", file=sys.stderr)
            return 1
        chosen += drawn[0]
        design["corpora"][corpus] = {"articles": n_articles[corpus], **drawn[1]}
    write_sample(Path(args.out), chosen, design)
    return 0


def population():
    """Every eligible sentence of every article, by corpus, with its context; and article counts."""
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    pop = defaultdict(list)  # corpus -> list of candidate dicts
    n_articles = Counter()
    for corpus, r, group in load_articles():
        n_articles[corpus] += 1
        text = r["text"] or ""
        prev = ""
        for start, end in sentences_of(nlp, text):
            sent = text[start:end]
            if eligible(sent):
                pop[corpus].append({
                    "article_id": r["id"], "corpus": corpus, "group": group,
                    "split": split_of(corpus, group),
                    "cue": is_cue(sent),
                    "published": r.get("published"), "outlet": r.get("source"),
                    "title": r.get("title"),
                    "start": start, "end": end, "text": sent, "context": prev,
                })
            prev = sent
    return pop, n_articles


def _take(cands, indices, wanted: int, per_art: Counter, taken: set, stratum: str) -> tuple[int, int]:
    """Take up to ``wanted`` of ``indices`` in order, at most MAX_PER_ARTICLE per article; return
    (taken, skipped by the article cap)."""
    got = skipped = 0
    for i in indices:
        if got >= wanted:
            break
        if per_art[cands[i]["article_id"]] >= MAX_PER_ARTICLE:
            skipped += 1
            continue
        taken.add(i)
        got += 1
        per_art[cands[i]["article_id"]] += 1
        cands[i]["stratum"] = stratum
    return got, skipped


def draw(cands: list[dict], n_total: int, rng: random.Random):
    """Two-phase draw from one corpus: a simple random sample, then cue sentences among the rest.
    Returns (sentences with their weights, the corpus's design figures), or None if too few."""
    N = len(cands)
    NK = sum(c["cue"] for c in cands)
    n_c = round(n_total * CUE_SHARE)
    n_r = n_total - n_c
    per_art, taken = Counter(), set()
    order = list(range(N))
    rng.shuffle(order)
    _, skipped = _take(cands, order, n_r, per_art, taken, "random")       # phase 1: random
    cue_idx = [i for i in range(N) if cands[i]["cue"] and i not in taken]
    rng.shuffle(cue_idx)
    got, skipped_cue = _take(cands, cue_idx, n_c, per_art, taken, "cue")  # phase 2: cue sentences
    if got < n_c or len(taken) != n_total:
        return None
    p_noncue = n_r / N
    p_cue = cue_inclusion_prob(N, NK, n_r, n_c)
    chosen = []
    for i in sorted(taken):
        c = cands[i]
        c["weight"] = round(1.0 / (p_cue if c["cue"] else p_noncue), 4)
        chosen.append(c)
    return chosen, {
        "eligible_sentences": N, "cue_sentences": NK, "n_random": n_r, "n_cue": n_c,
        "incl_prob_cue_sentence": p_cue, "incl_prob_noncue_sentence": p_noncue,
        "draws_skipped_by_article_cap": skipped + skipped_cue, "articles_sampled": len(per_art),
    }


def write_sample(out: Path, chosen: list[dict], design: dict) -> None:
    """Write sentences.jsonl (ids in a fixed interleaved order), the chunks and sampling.json."""
    # deterministic interleaving so every chunk mixes corpora and splits
    chosen.sort(key=lambda c: hashlib.sha1(
        f"{SEED}|{c['article_id']}|{c['start']}".encode()).hexdigest())
    assert len(chosen) == TOTAL
    keys = ["id", "article_id", "corpus", "group", "split", "stratum", "weight", "published",
            "outlet", "title", "start", "end", "text", "context"]
    lines = []
    for n, c in enumerate(chosen, 1):
        c["id"] = f"rn-{n:04d}"
        lines.append(json.dumps({k: c[k] for k in keys}, ensure_ascii=False))
    out.mkdir(parents=True, exist_ok=True)
    (out / "chunks").mkdir(exist_ok=True)
    (out / "sentences.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for k in range(0, TOTAL, CHUNK_SIZE):
        (out / "chunks" / f"chunk-{k // CHUNK_SIZE + 1}.jsonl").write_text(
            "\n".join(lines[k:k + CHUNK_SIZE]) + "\n", encoding="utf-8")
    counts = {
        "corpus": Counter(c["corpus"] for c in chosen),
        "split": Counter(c["split"] for c in chosen),
        "stratum": Counter(c["stratum"] for c in chosen),
        "corpus x split": Counter(f"{c['corpus']}/{c['split']}" for c in chosen),
        "corpus x stratum": Counter(f"{c['corpus']}/{c['stratum']}" for c in chosen),
        "split groups": Counter(s for _, _, s in {(c["corpus"], c["group"], c["split"]) for c in chosen}),
    }
    design["counts"] = {k: dict(sorted(v.items())) for k, v in counts.items()}
    (out / "sampling.json").write_text(json.dumps(design, indent=2, sort_keys=True) + "\n",
                                       encoding="utf-8")
    for name, cnt in counts.items():
        print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in sorted(cnt.items())))


if __name__ == "__main__":
    sys.exit(main())
