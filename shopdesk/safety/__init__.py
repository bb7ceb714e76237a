"""Keeping the shop's data whole: backups, restore, and `shopdesk check`."""
