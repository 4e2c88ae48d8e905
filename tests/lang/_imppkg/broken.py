print("running broken")
raise ValueError("boom")
