# Counselling models (Inquiry, Case, Session, …) come with the counselling-desk issue.
