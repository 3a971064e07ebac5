namespace Pool.Stratum.Protocol;

/// <summary>
/// One parsed request. A connection reuses its instances, so the submit fields live in fixed buffers and parsing a share
/// allocates nothing; the rarer methods keep their parameters as strings.
/// </summary>
public sealed partial class StratumRequest
{
    /// <summary>Longest id, worker name or job id kept (longer ones are refused as malformed).</summary>
    public const int MaxFieldBytes = 128;

    private readonly byte[] _id = new byte[MaxFieldBytes];
    private readonly byte[] _worker = new byte[MaxFieldBytes];
    private readonly byte[] _jobId = new byte[MaxFieldBytes];
    private readonly byte[] _extranonce2 = new byte[8];

    /// <summary>The method asked for.</summary>
    public StratumMethod Method { get; internal set; }

    /// <summary>How the request's id is written back.</summary>
    public RequestIdKind IdKind { get; internal set; }

    internal int IdLength { get; set; }

    /// <summary>The id as it is echoed: the number's JSON text, or the string's UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Id => _id.AsSpan(0, IdLength);

    /// <summary>Why the request cannot be served as sent (malformed parameters), or null.</summary>
    public string? Problem { get; internal set; }

    /// <summary>String parameters of subscribe and authorize (index 0 and 1), or null where absent.</summary>
    public string? Text0 { get; internal set; }

    /// <summary>Second string parameter.</summary>
    public string? Text1 { get; internal set; }

    /// <summary>Number parameter (suggest_difficulty).</summary>
    public double Number { get; internal set; }

    internal int WorkerLength { get; set; }

    internal int JobIdLength { get; set; }

    internal int Extranonce2Length { get; set; }

    /// <summary>Submitted worker name, UTF-8.</summary>
    public ReadOnlySpan<byte> Worker => _worker.AsSpan(0, WorkerLength);

    /// <summary>Submitted job id, UTF-8.</summary>
    public ReadOnlySpan<byte> JobId => _jobId.AsSpan(0, JobIdLength);

    /// <summary>Submitted extranonce2, decoded.</summary>
    public ReadOnlySpan<byte> Extranonce2 => _extranonce2.AsSpan(0, Extranonce2Length);

    /// <summary>Submitted ntime.</summary>
    public uint Time { get; internal set; }

    /// <summary>Submitted nonce.</summary>
    public uint Nonce { get; internal set; }

    /// <summary>Submitted version bits, 0 when absent.</summary>
    public uint VersionBits { get; internal set; }

    /// <summary>True when the submit carried version bits.</summary>
    public bool HasVersionBits { get; internal set; }

    /// <summary>Configure: extensions the miner asked for.</summary>
    public List<string> Extensions { get; } = [];

    /// <summary>Configure: version-rolling mask the miner offers.</summary>
    public uint? MinerVersionMask { get; internal set; }

    /// <summary>Configure: version-rolling minimum bit count.</summary>
    public int? MinBitCount { get; internal set; }

    /// <summary>Configure: minimum difficulty the miner asks for.</summary>
    public double? MinimumDifficulty { get; internal set; }

    internal Span<byte> IdBuffer => _id;

    internal Span<byte> WorkerBuffer => _worker;

    internal Span<byte> JobIdBuffer => _jobId;

    internal Span<byte> Extranonce2Buffer => _extranonce2;

    /// <summary>Forgets the previous request.</summary>
    public void Reset()
    {
        Method = StratumMethod.Unknown;
        IdKind = RequestIdKind.Null;
        IdLength = 0;
        Problem = null;
        Text0 = null;
        Text1 = null;
        Number = 0;
        WorkerLength = 0;
        JobIdLength = 0;
        Extranonce2Length = 0;
        Time = 0;
        Nonce = 0;
        VersionBits = 0;
        HasVersionBits = false;
        Extensions.Clear();
        MinerVersionMask = null;
        MinBitCount = null;
        MinimumDifficulty = null;
    }
}
