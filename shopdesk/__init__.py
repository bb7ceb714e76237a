"""ShopDesk: the desktop back-office for small online-shop teams."""

__version__ = "0.1.0"
