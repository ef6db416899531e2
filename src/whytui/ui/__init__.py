"""The Textual app: a thin layer over the core. Nothing outside `whytui.ui` imports Textual."""
