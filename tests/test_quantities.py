"""Sizes in questions and entries: what a user gives instead of a name."""

from __future__ import annotations

import pytest

from retrieval.quantities import close, quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("那个号称快500米的超高楼", [("height", 500.0)]),
        ("差不多五百米高的楼", [("height", 500.0)]),
        ("项目规划高度499.15米，总建筑面积约50.8万平方米。", [("area", 508000.0), ("height", 499.15)]),
        ("总投资约1.8亿元", [("money", 1.8e8)]),
        ("一点八亿的项目", [("money", 1.8e8)]),
        ("the 1.8 billion yuan park", [("money", 1.8e9)]),
        ("RMB 180 million", [("money", 1.8e8)]),
        ("7000万元", [("money", 7e7)]),
        # Dates, codes and counts are no sizes.
        ("2020年5月", []),
        ("首趟园区专列（G1938）", []),
        ("10+N", []),
    ],
)
def test_sizes_are_read_in_one_unit_per_kind(text: str, expected: list) -> None:
    assert quantities(text) == expected


def test_sizes_that_round_to_each_other_are_close() -> None:
    assert close(500, 499.15) and close(1.8e8, 1.8e8)
    assert not close(12e8, 12.62e8) and not close(500, 450)
