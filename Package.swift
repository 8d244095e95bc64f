// swift-tools-version:6.0
// dapgate: the e-mail channel of the Cloudwise service desk.
// Foundation, libcurl and SQLite only: no Swift package dependencies (customer's choice).
import PackageDescription

let package = Package(
    name: "dapgate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dapgate", targets: ["dapgate"])
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "Mail"),
        .target(name: "Desk", dependencies: ["Mail"]),
        .target(name: "Store", dependencies: ["CSQLite", "Desk"]),
        .target(name: "Transport", dependencies: ["CCurl"]),
        .target(name: "Gateway", dependencies: ["Mail", "Desk", "Store", "Transport"]),
        .executableTarget(name: "dapgate", dependencies: ["Gateway"]),
        .executableTarget(name: "dapgate-bench", dependencies: ["Transport"], path: "Sources/dapgate-bench"),
        .executableTarget(name: "MailFuzz", dependencies: ["Mail"], path: "Sources/MailFuzz"),
        .executableTarget(name: "mail-bench", dependencies: ["Mail"], path: "Sources/mail-bench"),
        .executableTarget(name: "sweep-bench", dependencies: ["Gateway", "Store", "Desk"], path: "Sources/sweep-bench"),
        .executableTarget(name: "intake-bench", dependencies: ["Desk"], path: "Sources/intake-bench"),

        .testTarget(name: "MailTests", dependencies: ["Mail"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DeskTests", dependencies: ["Desk"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "TransportTests", dependencies: ["Transport"]),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway"]),
        .testTarget(name: "IntegrationTests", dependencies: ["Gateway", "Transport", "Mail", "Store"]),
    ]
)
