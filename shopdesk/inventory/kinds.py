"""The kinds of inventory import, light enough for the command line to list at start-up."""

KIND_LABELS = {"products": "商品", "stock": "库存", "sales": "销量", "po": "到货计划"}
