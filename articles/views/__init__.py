"""The desk's own pages outside the ModelAdmins: review, edit, diff, exports."""
