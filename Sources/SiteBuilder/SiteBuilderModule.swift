/// The build: the only writer of output/ and private/.
public enum SiteBuilderModule {}
