using System.Buffers;

namespace Pool.Stratum.Protocol;

/// <summary>One encoded line (with its newline) queued for a connection; pooled buffers go back to the pool once written.</summary>
public readonly record struct OutboundMessage(byte[] Buffer, int Length, bool Pooled)
{
    /// <summary>The encoded line.</summary>
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    /// <summary>Hands a pooled buffer back; shared (unpooled) messages are left alone.</summary>
    public void Release()
    {
        if (Pooled)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
