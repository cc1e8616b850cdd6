namespace EventLedger.Common;

/// <summary>A coded item of a programme's vocabulary (orientation, nature, district), labelled in Arabic and French.</summary>
public sealed record Label(string Code, string Ar, string Fr);

/// <summary>A text in Arabic and French, the commune's two working languages.</summary>
public sealed record BilingualText(string Ar, string Fr);
