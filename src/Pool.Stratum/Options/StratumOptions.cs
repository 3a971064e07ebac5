namespace Pool.Stratum.Options;

/// <summary>Settings of the Stratum server; <see cref="Validate"/> lists every problem with a hint to fix it.</summary>
public sealed class StratumOptions
{
    /// <summary>The version-rolling mask BIP310 negotiates against (bits 13-28, as Bitcoin Core allows).</summary>
    public const uint DefaultVersionRollingMask = 0x1fffe000;

    /// <summary>Ports to listen on, each with its own starting difficulty and optional TLS.</summary>
    public List<StratumPortOptions> Ports { get; set; } = [];

    /// <summary>Id of this pool instance, recorded with every share.</summary>
    public string InstanceId { get; set; } = "pool-1";

    /// <summary>First byte of every extranonce1 this instance hands out, so instances behind one coin never collide.</summary>
    public byte InstancePrefix { get; set; } = 1;

    /// <summary>Bytes of extranonce2 the miner rolls; at least 4 (NiceHash and proxies need room).</summary>
    public int Extranonce2Size { get; set; } = 4;

    /// <summary>Version bits the pool lets miners roll; the coin's consensus decides which are free.</summary>
    public uint VersionRollingMask { get; set; } = DefaultVersionRollingMask;

    /// <summary>Longest request line in bytes; a longer one closes the connection.</summary>
    public int MaxLineBytes { get; set; } = 4096;

    /// <summary>Time a connection has to send mining.subscribe before it is closed.</summary>
    public TimeSpan SubscribeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most connections one IP address may hold at once.</summary>
    public int MaxConnectionsPerIp { get; set; } = 256;

    /// <summary>How far ahead of the pool's clock a share's ntime may be, in seconds.</summary>
    public int MaxNtimeAheadSeconds { get; set; } = 7200;

    /// <summary>Jobs each connection remembers for shares that arrive after a newer job was sent.</summary>
    public int JobsPerConnection { get; set; } = 8;

    /// <summary>
    /// Stale policy at a new block: shares on a previous block's jobs never become blocks; when this is true they are
    /// still validated and credited at their job's difficulty, when false (default) they are rejected with code 21.
    /// </summary>
    public bool CreditStaleShares { get; set; }

    /// <summary>Outgoing messages queued per connection; a miner that falls this far behind is disconnected.</summary>
    public int OutboundQueueCapacity { get; set; } = 256;

    /// <summary>Variable difficulty.</summary>
    public VardiffOptions Vardiff { get; set; } = new();

    /// <summary>Bans for invalid shares.</summary>
    public BanOptions Bans { get; set; } = new();

    /// <summary>Every problem with these settings, each saying what to fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Ports.Count == 0)
        {
            problems.Add("Ports is empty; configure at least one port (e.g. Port 3333, StartingDifficulty 1)");
        }

        for (var i = 0; i < Ports.Count; i++)
        {
            problems.AddRange(Ports[i].Validate($"Ports[{i}]"));
        }

        if (string.IsNullOrWhiteSpace(InstanceId))
        {
            problems.Add("InstanceId is empty; name this pool instance (e.g. pool-1)");
        }

        if (Extranonce2Size is < 4 or > 8)
        {
            problems.Add($"Extranonce2Size {Extranonce2Size} must be 4 to 8 bytes (NiceHash needs at least 4)");
        }

        if (MaxLineBytes is < 512 or > 1 << 20)
        {
            problems.Add($"MaxLineBytes {MaxLineBytes} must be between 512 and 1048576 (default 4096)");
        }

        if (SubscribeTimeout <= TimeSpan.Zero)
        {
            problems.Add("SubscribeTimeout must be positive (e.g. 00:00:30)");
        }

        if (MaxConnectionsPerIp < 1)
        {
            problems.Add($"MaxConnectionsPerIp {MaxConnectionsPerIp} must be at least 1");
        }

        if (MaxNtimeAheadSeconds < 0)
        {
            problems.Add($"MaxNtimeAheadSeconds {MaxNtimeAheadSeconds} must not be negative (default 7200)");
        }

        if (JobsPerConnection is < 1 or > 64)
        {
            problems.Add($"JobsPerConnection {JobsPerConnection} must be 1 to 64 (default 8)");
        }

        if (OutboundQueueCapacity < 8)
        {
            problems.Add($"OutboundQueueCapacity {OutboundQueueCapacity} must be at least 8");
        }

        problems.AddRange(Vardiff.Validate());
        problems.AddRange(Bans.Validate());
        return problems;
    }

    /// <summary>Throws with every problem listed when the settings are invalid.</summary>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("invalid Stratum settings: " + string.Join("; ", problems));
        }
    }
}
