"""Eval gate: extraction quality on the gold set may not drop below pinned floors.

Floors are F1 per fact kind (and per field) on each split of ``fixtures/gold``,
pinned a little under the scores measured when they were last raised. A
change that lowers a score below its floor fails here; raising a floor is a
deliberate edit of :data:`FLOORS` (the model is trafilatura's
``tests/eval_gate.py``).
"""

from __future__ import annotations

import pytest

from extractors.evaluate import SplitReport, evaluate, load_gold
from extractors.nlp import FactExtractor

FLOORS: dict[str, dict[str, float]] = {
    # Measured 2026-12-01 on 48 train articles (t31..t45 added): P/R/F1 all 1.0
    # but quote 0.996 (speaker 0.996) and role 0.958. Was 2026-11-22 (33
    # articles): all 1.0 but fee 0.974, role 0.935.
    # Fee floors raised 2026-12-01 (issue 3 fees, with t46-t55): fee 0.981, fields amount 0.994,
    # currency 0.994, period 0.994, programme 0.981.
    # Quote, person and role floors raised 2026-12-01 evening (issue 3 speakers, with t66-t75,
    # 65 articles): quote 0.997 (P 1.0, R 0.995), person 1.0, role 1.0, speaker 0.997.
    # Event and fee floors raised 2026-12-01 late evening (issue 3 events and fees, with t56-t65,
    # 79 articles): event 1.0 (50 events), fee 1.0 (119 fees), every event and fee field 1.0.
    # Programme floor raised 2026-12-02 (issue 3 programmes named by form, with t90-t96, 86 articles):
    # programme 1.0 (113 programmes, 12 of them outside the table; without the rule F1 is about 0.94).
    "train": {
        "visa_programme": 0.99, "fee": 0.98, "quote": 0.99, "person": 0.99,
        "event": 0.98, "role": 0.98, "skipped pages": 1.0,
        "speaker": 0.99, "amount": 0.99, "currency": 0.99, "period": 0.99, "programme": 0.98,
        "date": 0.98, "precision": 0.98, "event_type": 0.98,
        "fee_no_programme": 0.98, "event_no_programme": 0.98,
    },
    # Measured 2026-12-01 (aggregates only; the split is not tuned on):
    # programme 1.0, fee 0.970, quote 0.868, person 0.952, event 0.824, role 0.941.
    # Was 2026-11-22: programme 1.0, fee 0.970, quote 0.808, person 0.952,
    # event 0.824, role 0.909.
    "validation": {
        "visa_programme": 0.97, "fee": 0.96, "quote": 0.84, "person": 0.93,
        "event": 0.80, "role": 0.92,
    },
    # Measured 2026-12-01, once, after the split was committed blind (aggregates only; the
    # split is never tuned on): programme 0.957, fee 0.758, quote 0.789, person 0.897,
    # event 0.588, role 0.785, skipped pages 1.0; fields speaker 0.789, amount 0.939,
    # currency 0.939, period 0.758, programme 0.909, date 0.588, precision 0.588,
    # event_type 0.706.
    # Fee floors raised 2026-12-01 after the issue-3 fee fixes (aggregates only, third and last
    # run of the day): fee 0.879 (P 0.906, R 0.853), fields amount 0.939, currency 0.939,
    # period 0.909, programme 0.909.
    # Quote and person floors raised 2026-12-01 after merging the issue-3 quote fixes (aggregates
    # only): quote 0.907 (P 0.895, R 0.919), person 0.945, role 0.759; the rule "a programme named
    # only inside a quote does not carry to the next fee" was dropped at that merge (it cost 3 fees).
    # Since 2026-12-01 evening the holdout is a tuning split (looked at too often to stay blind; a
    # new blind split is being written): quote, person and role floors raised after tuning on its
    # misses: quote 1.0, person 1.0, role 0.987 (P 0.975, R 1.0), speaker 1.0.
    # Event and fee floors raised 2026-12-01 late evening after tuning on its misses (issue 3
    # events and fees): event 1.0 (was 0.588), fee 1.0 (was 0.879), programme 1.0, every event
    # and fee field 1.0; a floor of 0.95 leaves room for one miss.
    "holdout": {
        "visa_programme": 0.95, "fee": 0.95, "quote": 0.97, "person": 0.97,
        "event": 0.95, "role": 0.96, "skipped pages": 1.0,
        "speaker": 0.97, "amount": 0.97, "currency": 0.97, "period": 0.95, "programme": 0.95,
        "date": 0.95, "precision": 0.95, "event_type": 0.95,
        "fee_no_programme": 0.95, "event_no_programme": 0.95,
    },
    # Written blind 2026-12-01 evening (fixtures/README.md "blind"); first run: programme 0.919,
    # fee 0.702, quote 0.894, person 0.958, event 0.409, role 0.784, skipped pages 0.0.
    # Measured 2026-12-01 after the programme table grew and consent walls were skipped (both
    # prompted by the annotator's summary of the first run, which named the programmes and the
    # consent wall, so those two rows are no longer blind): programme 1.0, fee 0.807,
    # quote 0.897, person 0.958, event 0.444, role 0.784, skipped pages 1.0.
    # Since 2026-12-02 the blind split is a tuning split (blind2 is being written). Quote, person,
    # role and speaker floors raised 2026-12-02 after tuning on its misses (issue 3 quotes and
    # people): quote 1.0 (135 quotes), person 1.0 (47), role 0.927 (P 0.919, R 0.934), speaker 1.0;
    # the floors leave room for about two misses each. Role raised again the same night after the
    # organisation-appositive and "who came ... as a" fixes: role 0.967 (P 0.983, R 0.951).
    # Since 2026-12-02 the blind split is a tuning split. Event and fee floors raised 2026-12-02
    # (01:10 UTC) after tuning on its misses (issue 3 events and fees, quality-events): event 1.0
    # (32 events; was 0.500), fee 1.0 (56 fees; was 0.832), every event and fee field 1.0 (first
    # raise that night: event 0.968, fee 1.0); a floor of 0.95 leaves room for about two misses.
    "blind": {
        "visa_programme": 0.97, "fee": 0.96, "quote": 0.97, "person": 0.97,
        "event": 0.95, "role": 0.94, "skipped pages": 1.0,
        "speaker": 0.97, "amount": 0.96, "currency": 0.96, "period": 0.96, "programme": 0.96,
        "date": 0.95, "precision": 0.95, "event_type": 0.95,
        "fee_no_programme": 0.96, "event_no_programme": 0.95,
    },
    # Written blind 2026-12-02 (fixtures/README.md "blind2"), committed (52c2295) before the
    # pipeline first ran on it; first run, 2026-12-02 00:26 UTC: programme 0.764 (P 0.955,
    # R 0.636), fee 0.490 (P 0.558, R 0.436), quote 0.937, person 0.948, event 0.531 (P 0.812,
    # R 0.394), role 0.873, skipped pages 1.0; fields speaker 0.937, amount 0.808, currency 0.808,
    # period 0.768, programme 0.531, date 0.531. Aggregates only; never tuned on.
    # After the currency table (fee 0.462: more amounts read, their programmes still unknown)
    # and the events and fees tuned on the blind split: event 0.560, fee 0.462. After the
    # programme names the table lacks: programme 0.923, fee 0.686, event 0.764; NOT blind for
    # programmes: that engineer's brief named blind2's programmes as examples (fixtures/README).
    # Since 2026-12-02 03:10 UTC blind2 is a tuning split. Fee and event floors raised 2026-12-02
    # 03:55 UTC after tuning on its misses (issue 3 fees and events, quality-fees2): fee 0.822
    # (was 0.686), event 0.867 (was 0.764), amount, currency and period 0.981, programme 0.822,
    # date, precision and event_type 0.867; fee_no_programme 0.981, event_no_programme 0.885 (the
    # fees and events left are mostly of programmes not recognised: Skilled Worker, X1, workation).
    # Floors raised 2026-12-03 17:40 UTC (tuning split; extractors 0.8.0, main a6ed057), a little
    # under: visa_programme 0.985, fee 0.879, quote 1.000, person 0.979, event 0.903, role 0.969,
    # speaker 1.000, amount 0.981, currency 0.981, period 0.981, programme 0.879, date 0.903,
    # precision 0.903, event_type 0.903, fee_no_programme 0.981, event_no_programme 0.921.
    "blind2": {
        "visa_programme": 0.96, "fee": 0.85, "quote": 0.99, "person": 0.95,
        "event": 0.88, "role": 0.94, "skipped pages": 1.0,
        "speaker": 0.99, "amount": 0.96, "currency": 0.96, "period": 0.96, "programme": 0.85,
        "date": 0.88, "precision": 0.88, "event_type": 0.88,
        "fee_no_programme": 0.96, "event_no_programme": 0.9,
    },
    # Written blind 2026-12-02 03:10-03:30 UTC (fixtures/README.md "blind3") from a brief that
    # named no programme, currency or form; committed (5afc10d) before the pipeline first ran on
    # it. First run, 2026-12-02 03:32 UTC (main 8a0febe): programme 0.784 (P 0.829, R 0.744),
    # fee 0.633, quote 0.890, person 0.991, event 0.714, role 0.890, skipped pages 1.0; fields
    # speaker 0.890, amount 0.835, currency 0.759, period 0.835, programme 0.709, date 0.714,
    # precision 0.714, event_type 0.732. Aggregates only; never tuned on.
    # Floors raised 2026-12-02 17:15 UTC (aggregates only; extractors 0.6.0: the programme
    # catalogue, event predicate and money-purpose lexicons; the catalogue's engineer narrowed
    # a failure of this split's event floors by its pass/fail, never its numbers or misses):
    # visa_programme 0.880, fee 0.775, amount 0.900, currency 0.900, period 0.900, programme 0.775,
    # fee_no_programme 0.900, event_no_programme 0.806.
    # Floors raised 2026-12-03 17:40 UTC (tuning split; extractors 0.8.0, main a6ed057), a little
    # under: visa_programme 0.935, fee 0.902, quote 0.983, person 1.000, event 0.861, role 0.938,
    # speaker 0.983, amount 0.940, currency 0.940, period 0.927, programme 0.916, date 0.861,
    # precision 0.861, event_type 0.877, fee_no_programme 0.927, event_no_programme 0.917.
    # Fee floor raised 2026-12-04 02:30 UTC (branch fees2), a little under fee 0.925.
    "blind3": {
        "visa_programme": 0.91, "fee": 0.90, "quote": 0.96, "person": 0.99,
        "event": 0.84, "role": 0.91, "skipped pages": 1.0,
        "speaker": 0.96, "amount": 0.92, "currency": 0.92, "period": 0.9, "programme": 0.89,
        "date": 0.84, "precision": 0.84, "event_type": 0.85,
        # Rows added after the first run (quality-fees2), first measured 04:10 UTC: 0.769, 0.761.
        "fee_no_programme": 0.9, "event_no_programme": 0.89,
    },
    # Written blind 2026-12-02 07:00-07:13 UTC (fixtures/README.md "blind4") from a brief that
    # named no programme, country, currency or form; committed (73c5424) before the pipeline
    # first ran on it. First run, 2026-12-02 07:15 UTC (extractors as of main cfc1f1f):
    # programme 0.727 (P 0.870, R 0.625), fee 0.539, quote 0.925, person 0.938, event 0.390,
    # role 0.919, skipped pages 1.0; fields speaker 0.925, amount/currency/period 0.831,
    # programme 0.539, date and precision 0.390, event_type 0.341, fee_no_programme 0.831,
    # event_no_programme 0.634. Aggregates only until 2026-12-02 12:30 UTC; since then a tuning
    # split (its misses are read), and blind5 measures unseen news instead.
    # Floors raised 2026-12-02 14:30 UTC after tuning on its misses (events4, prog, quotes; main
    # 60b66a4): programme 0.847, fee 0.667, quote 1.0, person 1.0, event 0.682, role 0.992;
    # fields speaker 1.0, amount/currency/period 1.0, programme 0.667, date and precision 0.682,
    # event_type 0.605, fee_no_programme 1.0, event_no_programme 0.864.
    # Floors raised 2026-12-03 17:40 UTC (tuning split; extractors 0.8.0, main a6ed057), a little
    # under: visa_programme 1.000, fee 1.000, quote 1.000, person 1.000, event 0.978, role 0.992,
    # speaker 1.000, amount 1.000, currency 1.000, period 1.000, programme 1.000, date 0.978,
    # precision 0.978, event_type 0.909, fee_no_programme 1.000, event_no_programme 0.978.
    "blind4": {
        "visa_programme": 0.99, "fee": 0.99, "quote": 0.99, "person": 0.99,
        "event": 0.95, "role": 0.97, "skipped pages": 1.0,
        "speaker": 0.99, "amount": 0.99, "currency": 0.99, "period": 0.99, "programme": 0.99,
        "date": 0.95, "precision": 0.95, "event_type": 0.88,
        "fee_no_programme": 0.99, "event_no_programme": 0.95,
    },
    # Written blind 2026-12-02 12:58-13:07 UTC (fixtures/README.md "blind5") from a brief that
    # named no programme, country, currency or form; committed (84894f9) before the pipeline
    # first ran on it. First run, 2026-12-02 13:08 UTC (extractors as of main c1adeb6):
    # programme 0.870 (P 0.857, R 0.882), fee 0.759, quote 0.966, person 0.944, event 0.563
    # (P 0.643, R 0.500), role 0.879, skipped pages 1.0; fields speaker 0.966,
    # amount/currency/period 0.897, programme 0.759, date and precision 0.563, event_type 0.500,
    # fee_no_programme 0.897, event_no_programme 0.667. Aggregates only; never tuned on.
    # Floors raised 2026-12-02 17:15 UTC (aggregates only; extractors 0.6.0: the programme
    # catalogue, event predicate and money-purpose lexicons; the catalogue's engineer narrowed
    # a failure of this split's event floors by its pass/fail, never its numbers or misses):
    # visa_programme 0.901, fee 0.786, event 0.625, amount 0.929, currency 0.929, period 0.929,
    # programme 0.786, date 0.625, precision 0.625, fee_no_programme 0.929, event_no_programme
    # 0.727.
    "blind5": {
        "visa_programme": 0.87, "fee": 0.75, "quote": 0.94, "person": 0.92,
        "event": 0.59, "role": 0.85, "skipped pages": 1.0,
        "speaker": 0.94, "amount": 0.89, "currency": 0.89, "period": 0.89, "programme": 0.75,
        "date": 0.59, "precision": 0.59, "event_type": 0.47,
        "fee_no_programme": 0.89, "event_no_programme": 0.69,
    },
    # Written blind 2026-12-02 15:45-15:59 UTC (fixtures/README.md "blind6") from a brief that
    # named no programme, country, currency or form; committed (553b83f) before the pipeline
    # first ran on it. First run, 2026-12-02 15:59 UTC (extractors as of main e10764e, 0.5.0):
    # programme 0.804 (P 0.867, R 0.750), fee 0.681, quote 0.935, person 0.960, event 0.618
    # (P 0.618, R 0.618), role 0.900, skipped pages 1.0; fields speaker 0.935,
    # amount/currency 0.923, period 0.901, programme 0.703, date and precision 0.618,
    # event_type 0.567, fee_no_programme 0.901, event_no_programme 0.853. Aggregates only; never
    # tuned on.
    # Floors raised 2026-12-02 17:15 UTC (aggregates only; extractors 0.6.0: the programme
    # catalogue, event predicate and money-purpose lexicons, none tuned on this split): fee 0.750,
    # amount 0.955, currency 0.955, period 0.932, programme 0.773, event_type 0.585,
    # fee_no_programme 0.932.
    "blind6": {
        "visa_programme": 0.77, "fee": 0.72, "quote": 0.91, "person": 0.93,
        "event": 0.59, "role": 0.87, "skipped pages": 1.0,
        "speaker": 0.91, "amount": 0.92, "currency": 0.92, "period": 0.90, "programme": 0.74,
        "date": 0.59, "precision": 0.59, "event_type": 0.55,
        "fee_no_programme": 0.90, "event_no_programme": 0.82,
    },
    # Written blind 2026-12-02 15:48-16:04 UTC (fixtures/README.md "blind7"), by a second
    # annotator beside blind6's, from the same brief; committed (c0035ec) before the pipeline
    # first ran on it. First run, 2026-12-02 16:04 UTC (extractors as of main e10764e, 0.5.0):
    # programme 0.842 (P 0.930, R 0.769), fee 0.600, quote 0.965, person 0.966, event 0.667
    # (P 0.700, R 0.636), role 0.885, skipped pages 1.0; fields speaker 0.965,
    # amount/currency 0.887, period 0.832, programme 0.667, date, precision and event_type
    # 0.667, fee_no_programme 0.832, event_no_programme 0.730. Aggregates only; never tuned on.
    # Floors raised 2026-12-02 17:15 UTC (aggregates only; extractors 0.6.0: the programme
    # catalogue, event predicate and money-purpose lexicons, none tuned on this split):
    # visa_programme 0.866, fee 0.660, event 0.688, programme 0.724, date 0.688, precision 0.688,
    # event_no_programme 0.750.
    # A tuning split since 2026-12-04 00:50 UTC (its misses were read); floors unchanged.
    # Fee floors raised 2026-12-04 02:30 UTC (branch fees2, classes of fee failure), a little under
    # fee 0.929, amount 0.961, currency 0.961, period 0.940, programme 0.950, fee_no_programme 0.940.
    "blind7": {
        "visa_programme": 0.83, "fee": 0.90, "quote": 0.94, "person": 0.94,
        "event": 0.65, "role": 0.85, "skipped pages": 1.0,
        "speaker": 0.94, "amount": 0.93, "currency": 0.93, "period": 0.91, "programme": 0.92,
        "date": 0.65, "precision": 0.65, "event_type": 0.63,
        "fee_no_programme": 0.91, "event_no_programme": 0.72,
    },
    # Written blind 2026-12-03 15:50-16:20 UTC (fixtures/README.md "blind8") by an annotator who
    # read no extractor code; committed before the pipeline first ran on it.
    # First run, 2026-12-03 16:25 UTC (extractors 0.7.0, main 86ff277): visa_programme 0.902, fee
    # 0.727, quote 0.975, person 0.989, event 0.809, role 0.915, skipped pages 1.000, speaker 0.975,
    # amount 0.900, currency 0.875, period 0.846, programme 0.810, date 0.809, precision 0.809,
    # event_type 0.809, fee_no_programme 0.821, event_no_programme 0.851. Aggregates only; never tuned
    # on. Floors a little under it.
    # A tuning split since 2026-12-04 00:50 UTC (its misses were read); floors unchanged.
    # Fee floors raised 2026-12-04 02:30 UTC (branch fees2, classes of fee failure), a little under
    # fee 0.857, amount 0.937, currency 0.937, period 0.923, programme 0.872, fee_no_programme 0.923.
    "blind8": {
        "visa_programme": 0.87, "fee": 0.83, "quote": 0.94, "person": 0.95, "event": 0.77,
        "role": 0.88, "skipped pages": 1.0, "speaker": 0.94, "amount": 0.91, "currency": 0.91,
        "period": 0.89, "programme": 0.84, "date": 0.77, "precision": 0.77, "event_type": 0.77,
        "fee_no_programme": 0.89, "event_no_programme": 0.82,
    },
    # Written blind 2026-12-03 15:50-16:15 UTC (fixtures/README.md "blind9") by a second
    # annotator beside blind8's; committed before the pipeline first ran on it.
    # First run, 2026-12-03 16:25 UTC (extractors 0.7.0, main 86ff277): visa_programme 0.719, fee
    # 0.765, quote 0.870, person 0.899, event 0.571, role 0.857, skipped pages 1.000, speaker 0.870,
    # amount 0.971, currency 0.971, period 0.961, programme 0.777, date 0.571, precision 0.571,
    # event_type 0.571, fee_no_programme 0.961, event_no_programme 0.762. Aggregates only; never tuned
    # on. Floors a little under it.
    "blind9": {
        "visa_programme": 0.68, "fee": 0.73, "quote": 0.84, "person": 0.86, "event": 0.54,
        "role": 0.82, "skipped pages": 1.0, "speaker": 0.84, "amount": 0.94, "currency": 0.94,
        "period": 0.93, "programme": 0.74, "date": 0.54, "precision": 0.54, "event_type": 0.54,
        "fee_no_programme": 0.93, "event_no_programme": 0.73,
    },
    # Written blind 2026-12-03 19:15-19:32 UTC (fixtures/README.md "blind10") by one of two
    # annotators working at the same time; committed before the pipeline first ran on it.
    # First run, 2026-12-03 19:45 UTC (extractors 0.8.0, main 44ccb3b): visa_programme 0.909, fee
    # 0.680, quote 0.937, person 0.979, event 0.808, role 0.934, skipped pages 0.000 (its one skip
    # page, a registration wall, was not skipped), speaker 0.937, amount 0.893, currency 0.874,
    # period 0.874, programme 0.718, date 0.808, precision 0.808, event_type 0.769,
    # fee_no_programme 0.854, event_no_programme 0.868. Aggregates only; never tuned on. Floors a
    # little under it. Its skipped-pages row is no longer blind: the 0.000 led to registration-wall
    # phrasings in extractors/skip.py (written from how such walls read, the page itself unread),
    # and the row has been 1.000 since.
    "blind10": {
        "visa_programme": 0.87, "fee": 0.64, "quote": 0.90, "person": 0.94, "event": 0.77,
        "role": 0.90, "skipped pages": 1.0, "speaker": 0.90, "amount": 0.86, "currency": 0.84,
        "period": 0.84, "programme": 0.68, "date": 0.77, "precision": 0.77, "event_type": 0.73,
        "fee_no_programme": 0.82, "event_no_programme": 0.83,
    },
    # Written blind 2026-12-03 19:15-19:30 UTC (fixtures/README.md "blind11") by the second
    # annotator beside blind10's; committed before the pipeline first ran on it.
    # First run, 2026-12-03 19:40 UTC (extractors 0.8.0, main 1af7d3d): visa_programme 0.789, fee
    # 0.642, quote 0.978, person 0.966, event 0.552, role 0.930, skipped pages 1.000, speaker 0.978,
    # amount 0.946, currency 0.946, period 0.847, programme 0.709, date 0.552, precision 0.552,
    # event_type 0.517, fee_no_programme 0.847, event_no_programme 0.724. Aggregates only; never
    # tuned on. Floors a little under it.
    "blind11": {
        "visa_programme": 0.75, "fee": 0.60, "quote": 0.94, "person": 0.93, "event": 0.52,
        "role": 0.89, "skipped pages": 1.0, "speaker": 0.94, "amount": 0.91, "currency": 0.91,
        "period": 0.81, "programme": 0.67, "date": 0.52, "precision": 0.52, "event_type": 0.48,
        "fee_no_programme": 0.81, "event_no_programme": 0.69,
    },
    # Written blind 2026-12-03 23:00-23:27 UTC (fixtures/README.md "blind12"); committed before the
    # pipeline first ran on it. First run, 2026-12-04 00:47 UTC (extractors 0.9.0, main 19b4b89):
    # visa_programme 0.891, fee 0.722, quote 0.952, person 0.953, event 0.885, role 0.908, skipped
    # pages 1.000, speaker 0.952, amount 0.837, currency 0.796, period 0.825, programme 0.776, date
    # 0.885, precision 0.885, event_type 0.846, fee_no_programme 0.784, event_no_programme 0.963.
    # Aggregates only; never tuned on. Floors a little under it.
    "blind12": {
        "visa_programme": 0.86, "fee": 0.69, "quote": 0.92, "person": 0.92, "event": 0.85,
        "role": 0.88, "skipped pages": 1.0, "speaker": 0.92, "amount": 0.80, "currency": 0.76,
        "period": 0.79, "programme": 0.74, "date": 0.85, "precision": 0.85, "event_type": 0.81,
        "fee_no_programme": 0.75, "event_no_programme": 0.93,
    },
    # Written blind 2026-12-04 01:50-02:05 UTC (fixtures/README.md "blind13"); committed before the
    # pipeline first ran on it. First run, 2026-12-04 02:12 UTC (extractors 0.9.1, main 631a77c):
    # visa_programme 0.871, fee 0.739, quote 0.941, person 0.953, event 0.735, role 0.887, skipped
    # pages 0.000 (its skip page is a "page not found" page served as a page, which no skip rule
    # knew; the error-page rule of extractors/skip.py, written from invented pages without reading
    # it, skips it since 02:25 UTC), speaker 0.941, amount 0.929, currency 0.875, period 0.919,
    # programme 0.786, date 0.735, precision 0.735, event_type 0.720, fee_no_programme 0.865,
    # event_no_programme 0.776. Aggregates only; never tuned on. Floors a little under it.
    "blind13": {
        "visa_programme": 0.84, "fee": 0.70, "quote": 0.91, "person": 0.92, "event": 0.70,
        "role": 0.85, "skipped pages": 1.0, "speaker": 0.91, "amount": 0.89, "currency": 0.84, "period": 0.88,
        "programme": 0.75, "date": 0.70, "precision": 0.70, "event_type": 0.68,
        "fee_no_programme": 0.83, "event_no_programme": 0.74,
    },
    # Written blind 2026-12-04 02:52-03:02 UTC (fixtures/README.md "blind14"; programmes and
    # countries new to the gold set: seasonal work schemes, Africa, the Gulf, Central Asia, the
    # Caribbean); committed before the pipeline first ran on it. First run, 2026-12-04 03:02 UTC
    # (extractors 0.10.0, main ec6d744): visa_programme 0.656, fee 0.527, quote 0.942, person 0.939,
    # event 0.491, role 0.787, skipped pages 1.000, speaker 0.942, amount 0.817, currency 0.817,
    # period 0.817, programme 0.527, date 0.491, precision 0.491, event_type 0.491,
    # fee_no_programme 0.817, event_no_programme 0.741. Aggregates only; never tuned on.
    "blind14": {
        "visa_programme": 0.62, "fee": 0.49, "quote": 0.91, "person": 0.90, "event": 0.45,
        "role": 0.75, "skipped pages": 1.0, "speaker": 0.91, "amount": 0.78, "currency": 0.78,
        "period": 0.78, "programme": 0.49, "date": 0.45, "precision": 0.45, "event_type": 0.45,
        "fee_no_programme": 0.78, "event_no_programme": 0.70,
    },
    # Written blind 2026-12-04 04:25-04:53 UTC (fixtures/README.md "blind15"; its skip page a
    # paywall teaser, a type new to the gold set); committed before the pipeline first ran on
    # it. First run, 2026-12-04 04:53 UTC (extractors 0.10.1, main ed015b2): visa_programme
    # 0.600, fee 0.500, quote 0.920, person 0.903, event 0.486, role 0.729, skipped pages 1.000,
    # speaker 0.920, amount 0.809, currency 0.809, period 0.809, programme 0.500, date 0.486,
    # precision 0.486, event_type 0.432, fee_no_programme 0.809, event_no_programme 0.667.
    # Aggregates only; never tuned on. Floors a little under it.
    "blind15": {
        "visa_programme": 0.57, "fee": 0.47, "quote": 0.89, "person": 0.87, "event": 0.45,
        "role": 0.70, "skipped pages": 1.0, "speaker": 0.89, "amount": 0.78, "currency": 0.78,
        "period": 0.78, "programme": 0.47, "date": 0.45, "precision": 0.45, "event_type": 0.40,
        "fee_no_programme": 0.78, "event_no_programme": 0.63,
    },
}


@pytest.fixture(scope="module")
def reports(extractor: FactExtractor) -> dict[str, SplitReport]:
    return {split: evaluate(load_gold(split=split), extractor, split) for split in FLOORS}


def _score(report: SplitReport, name: str) -> float:
    if name == "skipped pages":
        return report.skips.f1
    if name in report.kinds:
        return report.kinds[name].f1
    return report.fields[name].f1


@pytest.mark.parametrize(
    ("split", "name"), [(split, name) for split, floors in FLOORS.items() for name in floors]
)
def test_f1_does_not_drop_below_its_floor(reports: dict[str, SplitReport], split: str, name: str) -> None:
    score = _score(reports[split], name)
    assert score >= FLOORS[split][name], f"{split} {name}: F1 {score:.3f} < floor {FLOORS[split][name]}"


def test_gold_set_has_both_splits_and_enough_articles() -> None:
    train, validation = load_gold(split="train"), load_gold(split="validation")
    assert len([g for g in train if not g.skip]) + len(validation) >= 40
    assert len(validation) >= 10


def test_holdout_split_has_at_least_ten_articles() -> None:
    holdout = load_gold(split="holdout")
    assert len([g for g in holdout if not g.skip]) >= 10
    assert any(g.skip for g in holdout)
