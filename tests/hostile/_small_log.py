"""The small log the read_* cases damage (their make.py files import it)."""

CONTACTS = (
    "contact_id,name,company,role,industry,location,email,phone,extension,work_address,"
    "linkedin_url,source,referred_by,mutual_connection,cite_permission,priority,added_on,notes\n"
    "C0001,Priya Raman,Brightline Learning,UX Researcher,edtech,\"Chicago, IL\","
    "priya@brightline.example,+1 312-555-0147,,,,alumni,,,,1,2026-05-28,Same program as me.\n"
    "C0002,Jonah Feld,Lakeview Career Center,Advisor,,\"Chicago, IL\",jfeld@lakeview.example,"
    "+1 773-555-0101,,,,career_center,,,,,2026-05-29,A helper.\n"
    "C0003,Dana Whitfield,Brightline Learning,Data Analyst,edtech,,dana@brightline.example,,,,,"
    "referral,C0001,Priya Raman,yes,2,2026-06-02,\n"
)
INTERACTIONS = (
    "interaction_id,contact_id,date,channel,kind,notes\n"
    "I00001,C0001,2026-06-01,email,outreach,Asked for 20 minutes.\n"
    "I00002,C0001,2026-06-03T09:30,email,reply_yes,\"Yes, next week.\"\n"
    "I00003,C0003,2026-06-04,email,outreach,\n"
)
