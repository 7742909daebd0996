/// The site folder: settings, incident bundles, front matter.
public enum IncidentsModule {}
