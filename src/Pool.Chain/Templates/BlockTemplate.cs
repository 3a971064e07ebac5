namespace Pool.Chain.Templates;

/// <summary>The parts of a getblocktemplate answer the pool builds jobs and blocks from.</summary>
public sealed record BlockTemplate
{
    /// <summary>Block height.</summary>
    public required long Height { get; init; }

    /// <summary>Header version the node proposes.</summary>
    public required uint Version { get; init; }

    /// <summary>Previous block hash, display order (as RPC prints it).</summary>
    public required string PreviousBlockHash { get; init; }

    /// <summary>Previous block hash, internal byte order (as it sits in the header).</summary>
    public required byte[] PreviousBlockHashBytes { get; init; }

    /// <summary>Transactions in block order, coinbase excluded.</summary>
    public required IReadOnlyList<TemplateTransaction> Transactions { get; init; }

    /// <summary>Subsidy plus fees the coinbase may pay, base units.</summary>
    public required long CoinbaseValue { get; init; }

    /// <summary>Compact network target.</summary>
    public required uint Bits { get; init; }

    /// <summary>The node's current time for the header.</summary>
    public required uint CurrentTime { get; init; }

    /// <summary>Earliest header time the node accepts.</summary>
    public required uint MinimumTime { get; init; }

    /// <summary>Output script of the segwit commitment, when segwit is active.</summary>
    public byte[]? WitnessCommitment { get; init; }

    /// <summary>Serialized extension block (Litecoin MWEB), when the chain has one.</summary>
    public byte[]? ExtensionBlock { get; init; }

    /// <summary>Longpoll id to wait on for the next template.</summary>
    public string? LongPollId { get; init; }

    /// <summary>A digest of what the template would put in a block besides time: tells a changed template from a repeated one.</summary>
    public required string ContentKey { get; init; }
}
