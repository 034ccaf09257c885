"""Event coding: triggers, roles, modality, typologies, places, dates (pure: no I/O)."""
