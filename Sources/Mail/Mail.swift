public enum MailPlaceholder {}
