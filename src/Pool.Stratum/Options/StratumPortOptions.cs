namespace Pool.Stratum.Options;

/// <summary>One listening port: where it binds, the difficulty new connections start at, and optional TLS.</summary>
public sealed class StratumPortOptions
{
    /// <summary>IP address to bind (e.g. 0.0.0.0 for all interfaces, 127.0.0.1 for local only).</summary>
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>TCP port; 0 lets the OS choose (the bound port is then in StratumServer.BoundEndPoints).</summary>
    public int Port { get; set; } = 3333;

    /// <summary>Difficulty a connection on this port starts at until vardiff, <c>d=N</c> or a suggestion changes it.</summary>
    public double StartingDifficulty { get; set; } = 1;

    /// <summary>Path of a PKCS#12 (.pfx) certificate; when set, the port speaks TLS (stratum+ssl).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Name of the environment variable holding the certificate's password (never the password itself).</summary>
    public string? CertificatePasswordEnvironmentVariable { get; set; }

    /// <summary>True when the port speaks TLS.</summary>
    public bool UsesTls => !string.IsNullOrEmpty(CertificatePath);

    /// <summary>Problems with these settings, each saying what to fix; empty when valid.</summary>
    public IEnumerable<string> Validate(string name)
    {
        if (!System.Net.IPAddress.TryParse(Address, out _))
        {
            yield return $"{name}.Address '{Address}' is not an IP address; use e.g. 0.0.0.0 or 127.0.0.1";
        }

        if (Port is < 0 or > 65535)
        {
            yield return $"{name}.Port {Port} is out of range; use 1-65535 (or 0 for any free port)";
        }

        if (!double.IsFinite(StartingDifficulty) || StartingDifficulty <= 0)
        {
            yield return $"{name}.StartingDifficulty {StartingDifficulty} must be a positive number";
        }

        if (UsesTls && !File.Exists(CertificatePath))
        {
            yield return $"{name}.CertificatePath '{CertificatePath}' does not exist; point it at a .pfx file";
        }
    }
}
