"""Revenge: a self-hosted movie server."""
