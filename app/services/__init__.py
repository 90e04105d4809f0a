"""Use cases: each public function is one transaction and commits once, as its last step."""
