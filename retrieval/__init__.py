"""The pure core of the chronicle bot: events, parsing, embeddings, the index and search."""
