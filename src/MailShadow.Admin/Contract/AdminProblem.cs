namespace MailShadow.Admin.Contract;

/// <summary>An RFC 7807 problem document (<c>application/problem+json</c>), the body of every error the API returns.</summary>
/// <param name="Type">A URI naming the problem type; <c>about:blank</c> when the status says it all.</param>
/// <param name="Title">The HTTP status in words.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What exactly was wrong, for the operator (a bad field is named).</param>
public sealed record AdminProblem(string Type, string Title, int Status, string Detail);
