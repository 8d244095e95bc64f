/// What a mail to the status address asks for (DAP R-OUT-1): subscribing to services, unsubscribing, the
/// list of one's subscriptions. Subscribing and unsubscribing is the subscriber's own act (DAP R-INC-9).
public enum SubscriberCommand: Sendable, Equatable {
    /// `subscribe WIFI M365`, `aanmelden wifi`: the service words as written (resolved by the gateway against
    /// the configured services).
    case subscribe(String)
    /// `unsubscribe WIFI`, `afmelden wifi`.
    case unsubscribe(String)
    /// `unsubscribe all`, `afmelden alles`.
    case unsubscribeAll
    /// `list`, `lijst`: the services one follows, and the services there are.
    case list
    /// `help`, `hulp`.
    case help
}

/// The commands of one mail, the language they were written in, and the first line that was not understood
/// when nothing was.
public struct SubscriberCommandParse: Sendable, Equatable {
    public var commands: [SubscriberCommand]
    /// The language of the first command word (`aanmelden` → nl, `subscribe` → en); nil when there was none.
    public var language: Language?
    /// The first line of the mail that is not a command, when the mail had no command at all.
    public var notUnderstood: String?

    public init(commands: [SubscriberCommand], language: Language?, notUnderstood: String? = nil) {
        self.commands = commands
        self.language = language
        self.notUnderstood = notUnderstood
    }
}
