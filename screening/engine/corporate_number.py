"""Japanese corporate numbers (法人番号).

The National Tax Agency assigns 13 digits: a check digit followed by a 12-digit
base number. The check digit is 9 - (sum of P(n) * Q(n) mod 9), where P(n) is
the n-th digit of the base counted from the right and Q(n) is 1 for odd n and
2 for even n (財務省令第70号 2014, 第2条).
"""

import unicodedata


def corporate_number_check_digit(base: str) -> int:
    """Return the check digit for a 12-digit base number."""
    if len(base) != 12 or not base.isdigit():
        raise ValueError(f"a base number has 12 digits, got {base!r}")
    total = sum(int(base[12 - n]) * (1 if n % 2 else 2) for n in range(1, 13))
    return 9 - total % 9


def normalise_corporate_number(value: str) -> str:
    """Fold full-width digits and drop the separators people type (spaces, hyphens)."""
    folded = unicodedata.normalize("NFKC", value or "")
    return "".join(ch for ch in folded if ch not in " -‐－ー\u3000")


def is_valid_corporate_number(value: str) -> bool:
    number = normalise_corporate_number(value)
    if len(number) != 13 or not number.isascii() or not number.isdigit():
        return False
    return int(number[0]) == corporate_number_check_digit(number[1:])
