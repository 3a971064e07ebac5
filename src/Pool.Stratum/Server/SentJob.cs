using Pool.Core.Targets;

namespace Pool.Stratum.Server;

/// <summary>A job as one connection received it: the difficulty and extranonce1 in force then decide its shares.</summary>
internal sealed record SentJob(EncodedJob Encoded, double Difficulty, Target256 ShareTarget, byte[] Extranonce1);
