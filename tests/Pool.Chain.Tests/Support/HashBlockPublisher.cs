using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NetMQ;
using NetMQ.Sockets;

namespace Pool.Chain.Tests.Support;

/// <summary>
/// Plays a coin node's ZMQ publisher for nodes built without ZMQ: a PUB socket bound on loopback that frames hashblock
/// notices exactly as Bitcoin Core does (topic, the 32 hash bytes in RPC display order, uint32 little-endian sequence
/// counting from 0 per topic).
/// </summary>
public sealed class HashBlockPublisher : IDisposable
{
    /// <summary>The topic Bitcoin Core publishes block hashes under.</summary>
    public static readonly byte[] Topic = Encoding.ASCII.GetBytes("hashblock");

    private readonly PublisherSocket _socket;
    private uint _sequence;

    private HashBlockPublisher(PublisherSocket socket, string endpoint)
    {
        _socket = socket;
        Endpoint = endpoint;
    }

    /// <summary>The endpoint a subscriber connects to.</summary>
    public string Endpoint { get; }

    /// <summary>Binds on 127.0.0.1:<paramref name="port"/>, retrying while a previous socket still holds the port.</summary>
    public static async Task<HashBlockPublisher> BindAsync(int port)
    {
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"tcp://127.0.0.1:{port}");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var socket = new PublisherSocket();
            socket.Options.Linger = TimeSpan.Zero;
            try
            {
                socket.Bind(endpoint);
                return new HashBlockPublisher(socket, endpoint);
            }
            catch (AddressAlreadyInUseException) when (DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Publishes the notice a node sends when <paramref name="blockHash"/> (RPC hex) became its tip.</summary>
    public void Publish(string blockHash)
    {
        var sequence = new byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32LittleEndian(sequence, _sequence++);
        PublishFrames(Topic, Convert.FromHexString(blockHash), sequence);
    }

    /// <summary>Advances the sequence as if <paramref name="count"/> notices had been dropped at the publisher's high-water mark.</summary>
    public void SkipNotices(uint count) => _sequence += count;

    /// <summary>Publishes an arbitrary multipart message (for malformed notices).</summary>
    public void PublishFrames(params byte[][] frames)
    {
        for (var i = 0; i < frames.Length - 1; i++)
        {
            _socket.SendMoreFrame(frames[i]);
        }

        _socket.SendFrame(frames[^1]);
    }

    public void Dispose() => _socket.Dispose();
}
