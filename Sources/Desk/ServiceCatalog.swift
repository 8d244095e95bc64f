/// The operator's service catalog: services with their standard changes (DAP 7, R-CHG-1) and the request
/// catalog (DAP 6, R-REQ-1). A value the gateway loads from configuration (`Codable`); Desk reads no file.
public struct ServiceCatalog: Sendable, Hashable, Codable {
    public var services: [Service]
    public var items: [CatalogItem]

    public init(services: [Service] = [], items: [CatalogItem] = []) {
        self.services = services
        self.items = items
    }

    /// No services, no items: every change is normal, no request matches an item.
    public static let empty = ServiceCatalog()
}
