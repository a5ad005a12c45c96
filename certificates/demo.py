"""Demo organisations, users and certificates for `make run`.

Company names other than government bodies are fictional; corporate
numbers are made up but carry valid check digits.
"""

import copy
from typing import Any

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - printed by make run for local demo accounts

ORGANISATIONS = {
    "kansai": {
        "name": "Kansai Magnetics Trading Co., Ltd.",
        "name_local": "関西マグネティクス商事株式会社",
        "corporate_number": "1030001098765",
    },
    "tokai": {
        "name": "Tokai Precision Materials Co., Ltd.",
        "name_local": "東海精密材料株式会社",
        "corporate_number": "4010001234567",
    },
    "compliance": {
        "name": "Nihon Trade Compliance Partners",
        "name_local": "日本貿易コンプライアンス・パートナーズ株式会社",
        "corporate_number": "7123456789012",
    },
}

USERS = [
    ("kansai-importer", "importer", "kansai", "鈴木", "花子"),
    ("tokai-importer", "importer", "tokai", "山本", "健"),
    ("reviewer-sato", "reviewer", "compliance", "佐藤", "美咲"),
    ("reviewer-tanaka", "reviewer", "compliance", "田中", "一郎"),
    ("auditor-kimura", "auditor", None, "木村", "直子"),
]

_BASE: dict[str, Any] = {
    "format": "euc/1",
    "reference": "",
    "language": "ja",
    "exporter": {
        "name": "Baotou Rare Earth Magnet Co., Ltd.",
        "name_local": "包头稀土磁材有限公司",
        "country": "CN",
        "address": "Baotou, Inner Mongolia",
    },
    "importer": {
        "name": "Kansai Magnetics Trading Co., Ltd.",
        "name_local": "関西マグネティクス商事株式会社",
        "corporate_number": "1030001098765",
        "country": "JP",
        "address": "大阪府大阪市",
    },
    "end_user": {
        "name": "Hamamatsu Drive Systems Co., Ltd.",
        "name_local": "浜松ドライブシステムズ株式会社",
        "corporate_number": "4010001234567",
        "country": "JP",
        "address": "静岡県浜松市",
        "business": "産業用サーボモーターの製造",
    },
    "contract": {"number": "BT-26-0088", "date": "2026-02-10"},
    "items": [
        {
            "description": "Sintered NdFeB magnets N42",
            "control_code": "",
            "hs_code": "8505.11",
            "quantity": 300,
            "unit": "kg",
            "value": 21000,
            "currency": "USD",
            "specifications": "N42, 20x10x4 mm, NiCuNi coating",
        }
    ],
    "declared_uses": [
        {
            "description": "産業用ロボット向けサーボモーターのロータに使用",
            "sector": "industrial machinery",
            "end_product": "servo motors",
            "site": "静岡県浜松市",
            "annual_quantity": 3600,
            "unit": "kg",
        }
    ],
    "final_destination": "JP",
    "undertakings": {
        "no_military_use": True,
        "no_wmd_use": True,
        "no_transfer_without_consent": True,
        "no_reexport_without_consent": True,
    },
    "signatory": {"name": "鈴木 花子", "title": "取締役 輸出管理責任者", "signed_on": "2026-02-12"},
    "valid_until": "2027-03-31",
}


def demo_document(reference: str, **changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(_BASE)
    document["reference"] = reference
    document.update(changes)
    return document


VAGUE_USES = [
    {
        "description": "一般産業用、各種用途",
        "sector": "",
        "end_product": "",
        "site": "",
        "annual_quantity": 5000,
        "unit": "kg",
    }
]
MISSILE_USES = [
    {
        "description": "誘導ミサイルの操舵用アクチュエータに使用",
        "sector": "defence",
        "end_product": "missile actuators",
        "site": "愛知県小牧市",
        "annual_quantity": 1200,
        "unit": "kg",
    }
]
ATLA_END_USER = {
    "name": "Acquisition, Technology and Logistics Agency",
    "name_local": "防衛装備庁",
    "country": "JP",
    "address": "東京都新宿区市谷本村町",
    "business": "",
}
FORWARDER_END_USER = {
    "name": "Naniwa Logistics Co., Ltd.",
    "name_local": "なにわ物流株式会社",
    "country": "JP",
    "address": "大阪府大阪市",
    "business": "通関・国際物流",
}
SINGAPORE_CONSIGNEE = {
    "name": "Marina Components Pte. Ltd.",
    "name_local": "",
    "country": "SG",
    "address": "Singapore",
    "business": "electronic components distribution",
}


def demo_statement_pdf(reference: str) -> bytes:
    """Build a one-page PDF that replaces a scanned, signed statement in demo data and tests."""
    text = f"End-user statement {reference} (demo, signed)".encode("ascii")
    stream = b"BT /F1 14 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + content + b"\nendobj\n"
    xref_at = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return body
