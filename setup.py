"""Packages: shopdesk, plus the top-level resources/ folder shipped as `shopdesk_resources`.

Everything else about the project is in pyproject.toml; this file exists only because that
mapping cannot be combined with package discovery there.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["shopdesk", "shopdesk.*"]), "shopdesk_resources"],
    package_dir={"shopdesk_resources": "resources"},
)
