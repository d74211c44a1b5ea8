"""asyncio-based adapters (no I/O of their own: the same in every profile)."""
