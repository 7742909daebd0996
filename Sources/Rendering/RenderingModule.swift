/// View models, templates and charts to rendered pages.
public enum RenderingModule {}
