print("dapgate")
