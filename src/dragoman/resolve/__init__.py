"""Resolution against loaded knowledge: actors, the gazetteer, toponyms."""
