package io.cloudmock.ncp;

/** The two NCP Server APIs: VPC ({@code /vserver/v2}) and Classic ({@code /server/v2}). Their servers are separate. */
public enum NcpFlavour {
    VPC("ncp", "/vserver/v2"),
    CLASSIC("ncp-classic", "/server/v2");

    /** The provider name of the control API and the journal. */
    public final String provider;
    public final String pathPrefix;

    NcpFlavour(String provider, String pathPrefix) {
        this.provider = provider;
        this.pathPrefix = pathPrefix;
    }

    public boolean classic() { return this == CLASSIC; }
}
